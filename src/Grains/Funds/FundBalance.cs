using Monitoring.Funds.Snapshots;

namespace Monitoring.Funds;

/// <summary>An account's running balance: monthly totals in budget time, and the latest settlement it includes.</summary>
[GenerateSerializer, Immutable]
public sealed record FundBalance(
    [property: Id(0)] MonthTotal[] Months,
    [property: Id(1)] DateTimeOffset? AsOf)
{
    public decimal FundPaidIn(int year) => Months.Where(m => m.Month / 100 == year).Sum(m => m.FundPaid);

    /// <summary>Claims that still stand in the year: settlements less those reversed.</summary>
    public long ClaimsCountedIn(int year) => Months.Where(m => m.Month / 100 == year).Sum(m => m.Settlements - m.Reversals);
}
