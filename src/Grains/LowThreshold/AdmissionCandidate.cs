namespace Monitoring.LowThreshold;

/// <summary>
/// A settled inpatient stay the low-threshold rule judges: one a hospital chose to admit that was not planned
/// treatment, day surgery, a death or a transfer out. What the share, the DRG median and the evidence need.
/// </summary>
/// <param name="LengthOfStay">days in hospital, the days of admission and of discharge counting once (a same-day stay is 1)</param>
/// <param name="OutpatientTreatable">its principal diagnosis is in a category an outpatient visit usually serves</param>
[GenerateSerializer, Immutable]
public sealed record AdmissionCandidate(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string DrgCode,
    [property: Id(2)] string PrincipalDiagnosis,
    [property: Id(3)] int LengthOfStay,
    [property: Id(4)] decimal TotalCost,
    [property: Id(5)] DateOnly SettledDay,
    [property: Id(6)] bool OutpatientTreatable)
{
    /// <summary>
    /// The base group (ADRG: the DRG code without its severity digit) the stay is judged in: its cost norm and its peer
    /// stratum. Not the coded DRG, since a light case coded into a heavier group of the same ADRG would look cheap against
    /// the heavier group's costs: upcoding must not read as low-threshold admission.
    /// </summary>
    public string Adrg => LowThresholdRule.NormGroup(DrgCode);
}
