namespace Monitoring.Rules;

/// <summary>What must hold between a rule's parameters, beyond each one's bounds; each broken constraint names the parameter to change.</summary>
public static class RuleConstraints
{
    public static (string Parameter, string Message)[] Check(string ruleId, IReadOnlyDictionary<string, decimal> p) => ruleId switch
    {
        RuleIds.SplitHospitalization => [
            .. p["criticalMaxDays"] >= p["warningMaxDays"] ? [("warningMaxDays", $"warningMaxDays ({p["warningMaxDays"]}) must be above criticalMaxDays ({p["criticalMaxDays"]})")] : Array.Empty<(string, string)>(),
            .. p["criticalMaxDays"] > p["windowDays"] ? [("criticalMaxDays", $"criticalMaxDays ({p["criticalMaxDays"]}) must not exceed windowDays ({p["windowDays"]})")] : Array.Empty<(string, string)>(),
        ],
        RuleIds.BudgetPace => [
            .. p["noticeGapPoints"] >= p["warningGapPoints"] ? [("warningGapPoints", $"warningGapPoints ({p["warningGapPoints"]}) must be above noticeGapPoints ({p["noticeGapPoints"]})")] : Array.Empty<(string, string)>(),
            .. p["noticeProjectionPercent"] >= p["criticalProjectionPercent"] ? [("criticalProjectionPercent", $"criticalProjectionPercent ({p["criticalProjectionPercent"]}) must be above noticeProjectionPercent ({p["noticeProjectionPercent"]})")] : Array.Empty<(string, string)>(),
        ],
        _ => [],
    };
}

/// <summary>The ids of the rules in the library (contracts/README.md § rule ids).</summary>
public static class RuleIds
{
    public const string BudgetPace = "budget-pace";
    public const string BudgetExhausted = "budget-exhausted";
    public const string SplitHospitalization = "split-hospitalization";
    public const string ReadmissionRate = "readmission-rate";
    public const string Upcoding = "upcoding";
    public const string LowThresholdAdmission = "low-threshold-admission";
}
