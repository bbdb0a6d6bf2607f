using Monitoring.Alerts;

namespace Monitoring.Readmission;

/// <summary>
/// Why two consecutive stays of a patient look like one episode split in two: the interval and the window it fell
/// in, which parts of the rule matched, the aggravating signs and the DRG norm they were judged against (null when
/// none was trusted).
/// </summary>
public sealed record SplitFinding(
    int IntervalDays,
    int WindowDays,
    AlertSeverity Severity,
    bool SameDiagnosisCategory,
    bool SameAdrg,
    SplitAggravation Aggravations,
    DrgNorm? Norm)
{
    /// <summary>The version of the library's split rule that judged the pair (1, the seeded default, when none was asked).</summary>
    public int RuleVersion { get; init; } = 1;

    /// <summary>The scope of that version (<c>region:*</c>, <c>region:…</c> or <c>county:…</c>).</summary>
    public string RuleScope { get; init; } = Rules.RuleLibrary.EveryRegion;

    /// <summary>The grades the pair was judged with, for the evidence.</summary>
    public int CriticalMaxDays { get; init; }

    public int WarningMaxDays { get; init; }

    /// <summary>The aggravations as the codes the evidence uses.</summary>
    public IReadOnlyList<string> AggravationCodes =>
    [
        .. Aggravations.HasFlag(SplitAggravation.NonMedicalAdviceDischarge) ? ["non-medical-advice-discharge"] : Array.Empty<string>(),
        .. Aggravations.HasFlag(SplitAggravation.ShortFirstStay) ? ["short-first-stay"] : Array.Empty<string>(),
        .. Aggravations.HasFlag(SplitAggravation.CombinedCostWithinOneStay) ? ["combined-cost-within-one-stay"] : Array.Empty<string>(),
    ];
}
