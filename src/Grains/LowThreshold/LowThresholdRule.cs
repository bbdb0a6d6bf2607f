using Monitoring.Claims;

namespace Monitoring.LowThreshold;

/// <summary>
/// 降低住院指征收治住院 (admitting below the threshold for inpatient care): a hospital admits patients an outpatient
/// visit would have served, because under DRG payment every admission is a paid case. Inspectors recognise it claim by
/// claim as a short stay that cost far less than its DRG usually does — mild conditions, a few tests, little treatment —
/// and hospital by hospital as a share of such stays that rises (CMS's PEPPER watches one-day stays the same way).
/// This is the claim-level half: which settlements are judged, and which of those are short and cheap.
/// </summary>
public static class LowThresholdRule
{
    /// <summary>离院方式 2 医嘱转院, 3 医嘱转社区/乡镇卫生院: a transfer out ends a stay early for a reason of care.</summary>
    private static readonly string[] TransferDispositions = ["2", "3"];

    /// <summary>离院方式 5 死亡: a short stay ending in death is no mild case.</summary>
    private const string Death = "5";

    /// <summary>日间手术: day surgery is short and cheap by design and paid its own way.</summary>
    public const string DaySurgeryPayment = "day-surgery";

    /// <summary>
    /// The stay a settlement records, if the rule judges it: a grouped settlement with dates, a principal diagnosis and a
    /// total cost, not day surgery, not ended by death or a transfer out, not planned treatment. Null otherwise.
    /// </summary>
    public static AdmissionCandidate? Candidate(ClaimEvent claim, LowThresholdOptions options)
    {
        if (claim.Kind != ClaimKind.Settlement || claim.HospitalId is null
            || claim.AdmissionDate is not { } admission || claim.DischargeDate is not { } discharge
            || claim.PrincipalDiagnosis is not { Length: >= 3 } diagnosis
            || claim.DrgCode is not { Length: >= 3 } drg
            || claim.TotalCost is not { } cost)
        {
            return null;
        }

        if (string.Equals(claim.PaymentMethod, DaySurgeryPayment, StringComparison.Ordinal)
            || claim.DischargeDisposition == Death
            || TransferDispositions.Contains(claim.DischargeDisposition)
            || options.PlannedTreatmentCategories.Contains(diagnosis[..3], StringComparer.Ordinal))
        {
            return null;
        }

        return new AdmissionCandidate(claim.ClaimId, drg, diagnosis, LengthOfStay(admission, discharge), cost,
            BudgetClock.BudgetDate(claim.SettledAt), options.OutpatientTreatableCategories.Contains(diagnosis[..3], StringComparer.Ordinal));
    }

    /// <summary>Days in hospital as the settlement counts them: admission and discharge day count once, a same-day stay is one day.</summary>
    public static int LengthOfStay(DateOnly admission, DateOnly discharge) => Math.Max(1, discharge.DayNumber - admission.DayNumber);

    /// <summary>The ADRG of a CHS-DRG code (its first three characters): the group whose costs a stay is judged against, whatever severity it was coded at.</summary>
    public static string NormGroup(string drgCode) => drgCode.Length > 3 ? drgCode[..3] : drgCode;

    /// <summary>
    /// Whether a judged stay is short and cheap against the region's median cost of its ADRG (<see cref="AdmissionCandidate.Adrg"/>); false when that median is
    /// not known well enough (<paramref name="median"/> null) to say.
    /// </summary>
    public static bool IsShortAndCheap(AdmissionCandidate stay, double? median, LowThresholdOptions options) =>
        median is { } m && m > 0
        && stay.LengthOfStay <= options.MaxLengthOfStayDays
        && (double)stay.TotalCost <= options.MaxCostFractionOfMedian * m
        && (!options.CountOnlyOutpatientTreatable || stay.OutpatientTreatable);
}
