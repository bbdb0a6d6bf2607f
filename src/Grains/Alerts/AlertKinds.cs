namespace Monitoring.Alerts;

/// <summary>The alert kinds of <c>alert.schema.json</c>; clients ignore kinds they do not know.</summary>
public static class AlertKinds
{
    /// <summary>基金运行预警: spend ahead of budget pace.</summary>
    public const string BudgetPace = "budget-pace";

    /// <summary>Fund paid has reached the whole annual budget.</summary>
    public const string BudgetExhausted = "budget-exhausted";

    public const string SplitHospitalization = "split-hospitalization";
    public const string Upcoding = "upcoding";
    public const string LowThresholdAdmission = "low-threshold-admission";
    public const string DataQuality = "data-quality";
}
