namespace Monitoring.CaseMix;

/// <summary>
/// One hospital's settled cases of one DRG (or, with <see cref="DrgCode"/> null, of no DRG: 未入组) in one month of the
/// fund year: the sums every case-mix indicator is a ratio of.
/// </summary>
/// <param name="Month">1–12, by settlement time</param>
/// <param name="StayDays">Σ length of stay in days</param>
/// <param name="FundPaidByDrg">the part of <paramref name="FundPaid"/> paid by DRG (paymentMethod drg)</param>
[GenerateSerializer, Immutable]
public sealed record DrgMonth(
    [property: Id(0)] int Month,
    [property: Id(1)] string? DrgCode,
    [property: Id(2)] long Cases,
    [property: Id(3)] decimal WeightSum,
    [property: Id(4)] long StayDays,
    [property: Id(5)] decimal TotalCost,
    [property: Id(6)] decimal FundPaid,
    [property: Id(7)] decimal FundPaidByDrg)
{
    /// <summary>Cases of at most <see cref="TargetAreas.ShortStayMaxDays"/> days: the short-stay target area's count.</summary>
    [Id(8)] public long ShortStays { get; init; }

    public string? Adrg => DrgCode is { Length: 4 } code ? code[..3] : null;

    public int Severity => DrgCode is { Length: 4 } code && char.IsAsciiDigit(code[3]) ? code[3] - '0' : 0;

    public bool IsSplit => Severity is 1 or 3 or 5;

    public bool IsHeavy => Severity is 1 or 3;
}
