using Monitoring.Claims;

namespace Monitoring.Upcoding;

/// <summary>
/// One settled inpatient case as the coding watch sees it: its DRG (CHS-DRG 分组) split into the ADRG and the severity
/// digit, its weight (权重), its length of stay, cost and fund paid, and the settlement day that places it in a week and
/// a month. A case without a DRG code is 未入组 (not grouped): it counts for the grouping rate and nothing else.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CodedCase(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] DateOnly SettledDay,
    [property: Id(2)] string? DrgCode,
    [property: Id(3)] decimal Weight,
    [property: Id(4)] int LengthOfStay,
    [property: Id(5)] decimal TotalCost,
    [property: Id(6)] decimal FundPaid,
    [property: Id(7)] bool PaidByDrg)
{
    /// <summary>The three-character ADRG (核心疾病诊断相关分组), or null for an ungrouped case.</summary>
    public string? Adrg => DrgCode is { Length: 4 } code ? code[..3] : null;

    /// <summary>The severity digit: 1 MCC, 3 CC, 5 neither, 9 not split; 0 for an ungrouped case.</summary>
    public int Severity => DrgCode is { Length: 4 } code && char.IsAsciiDigit(code[3]) ? code[3] - '0' : 0;

    /// <summary>Whether the group splits by severity, so that the case could have been coded lighter or heavier.</summary>
    public bool IsSplit => Severity is 1 or 3 or 5;

    /// <summary>Coded with complications (1 or 3): the heavy share an upcoder inflates.</summary>
    public bool IsHeavy => Severity is 1 or 3;

    public bool IsGrouped => DrgCode is not null;

    /// <summary>The case of a settlement, or null for a reversal or a settlement without the hospital or amounts.</summary>
    public static CodedCase? From(ClaimEvent claim)
    {
        if (claim.Kind != ClaimKind.Settlement || claim.HospitalId is null)
        {
            return null;
        }

        var stay = claim is { AdmissionDate: { } admission, DischargeDate: { } discharge }
            ? Math.Max(1, discharge.DayNumber - admission.DayNumber)
            : 0;
        var drg = claim.DrgCode is { Length: 4 } code ? code : null;
        return new CodedCase(claim.ClaimId, BudgetClock.BudgetDate(claim.SettledAt), drg, drg is null ? 0 : claim.DrgWeight ?? 0,
            stay, claim.TotalCost ?? 0, claim.FundPaid ?? 0, drg is not null && claim.PaymentMethod is null or "drg");
    }
}
