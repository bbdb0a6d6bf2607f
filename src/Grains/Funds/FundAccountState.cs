namespace Monitoring.Funds;

/// <summary>
/// A fund account's checkpoint: per member hospital, the last ledger sequence it includes, and the monthly totals
/// those rows add up to. Written now and then, never per claim; what came after is replayed from the ledger.
/// </summary>
[GenerateSerializer]
public sealed class FundAccountState
{
    [Id(0)] public Dictionary<string, long> Cursors { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<int, MonthTotal> Months { get; set; } = [];

    [Id(2)] public DateTimeOffset? LastSettledAt { get; set; }
}
