namespace Monitoring.Settlements;

/// <summary>
/// One cell of a fund year's books as they stand: what one hospital provided to the insured of one payer in one budget
/// month. Settlements that a reversal cancelled are left out (a reversal counts in its settlement's month, so the sums
/// equal the fund accounts' months); a recovery booked by a case counts its (negative) amount and no settlement.
/// <see cref="InsuredCountyId"/> is the claim's 参保地 as sent: null when it named none (the hospital's county).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PackageCell(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] string? InsuredCountyId,
    [property: Id(2)] int Month,
    [property: Id(3)] long Settlements,
    [property: Id(4)] decimal FundPaid,
    [property: Id(5)] long DrgGrouped,
    [property: Id(6)] decimal DrgFundPaid);
