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

    /// <summary>
    /// The kinds whose finding rests on the claims it lists, so that it falls with any of them: a split-hospitalization
    /// pair is those two settlements and nothing else. (A split-hospitalization rate alert lists no claims.) Every other
    /// kind that lists claims — upcoding, low-threshold admission — is a pattern about a hospital and its claims are
    /// examples: reversing one takes that case out of the detector's counts, and the detector re-judges the pattern; the
    /// finding is not withdrawn for it, or a hospital could shed a finding (and its case) by reversing one example.
    /// </summary>
    public static IReadOnlyList<string> RestingOnClaims { get; } = [SplitHospitalization];

    /// <summary>Whether a finding of this kind falls with a claim it lists (see <see cref="RestingOnClaims"/>).</summary>
    public static bool RestsOnClaims(string kind) => RestingOnClaims.Contains(kind);
}
