namespace Monitoring.Funds.Snapshots;

/// <summary>Fund pay and claim counts of one budget month (key yyyyMM).</summary>
[GenerateSerializer, Immutable]
public sealed record MonthTotal(
    [property: Id(0)] int Month,
    [property: Id(1)] decimal FundPaid,
    [property: Id(2)] long Settlements,
    [property: Id(3)] long Reversals)
{
    public MonthTotal Plus(MonthTotal other) =>
        new(Month, FundPaid + other.FundPaid, Settlements + other.Settlements, Reversals + other.Reversals);
}
