namespace Monitoring.LowThreshold;

/// <summary>A short, cheap stay as an alert names it: the claim, what it was for, how long, and its cost against the DRG's median.</summary>
[GenerateSerializer, Immutable]
public sealed record ShortCheapExample(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string PrincipalDiagnosis,
    [property: Id(2)] string DrgCode,
    [property: Id(3)] int LengthOfStay,
    [property: Id(4)] decimal TotalCost,
    [property: Id(5)] double DrgMedianCost,
    [property: Id(6)] DateOnly SettledDay,
    [property: Id(7)] bool OutpatientTreatable);
