using Monitoring.Alerts;

using Monitoring.Funds.Snapshots;

namespace Monitoring.Funds;

/// <summary>
/// A fund account's checkpoint: per member hospital, the last ledger sequence it includes, the monthly and daily
/// totals those rows add up to, and where its budget-pace judgement stands. Written now and then, never per claim;
/// what came after is replayed from the ledger.
/// </summary>
[GenerateSerializer]
public sealed class FundAccountState
{
    [Id(0)] public Dictionary<string, long> Cursors { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<int, MonthTotal> Months { get; set; } = [];

    [Id(2)] public DateTimeOffset? LastSettledAt { get; set; }

    /// <summary>Fund paid by settlement day (yyyyMMdd), which budget pace is judged on.</summary>
    [Id(3)] public Dictionary<int, decimal> Days { get; set; } = [];

    /// <summary>The last settlement day (yyyyMMdd) whose pace has been judged; 0 before the first.</summary>
    [Id(4)] public int PacedThrough { get; set; }

    /// <summary>The budget-pace alert level in force, if any.</summary>
    [Id(5)] public AlertSeverity? PaceLevel { get; set; }

    /// <summary>Whether the budget-exhausted alert is in force.</summary>
    [Id(6)] public bool Exhausted { get; set; }

    /// <summary>Settlements by settlement day (yyyyMMdd): the volume behind a projection's rate.</summary>
    [Id(7)] public Dictionary<int, int> DayClaims { get; set; } = [];

    /// <summary>The settlement day (yyyyMMdd) the pace level in force came into force; its minimum dwell counts from it.</summary>
    [Id(8)] public int PaceLevelSince { get; set; }
}
