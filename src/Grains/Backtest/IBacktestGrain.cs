namespace Monitoring.Backtest;

/// <summary>One backtest (key: its id): started once, then read while it runs and after.</summary>
public interface IBacktestGrain : IGrainWithStringKey
{
    /// <summary>Starts the backtest; a second start of the same id changes nothing and answers how it stands.</summary>
    Task<BacktestReport> StartAsync(BacktestRequest request);

    /// <summary>How it stands, or null for an id no backtest was started under.</summary>
    Task<BacktestReport?> GetAsync();
}

/// <summary>A backtest as it stands: running with its progress (0–1), done with its outcome, or failed with why.</summary>
[GenerateSerializer, Immutable]
public sealed record BacktestReport
{
    [Id(0)] public required BacktestRequest Request { get; init; }
    [Id(1)] public required string Status { get; init; }
    [Id(2)] public double Progress { get; init; }
    [Id(3)] public long RowsRead { get; init; }
    [Id(4)] public required DateTimeOffset StartedAt { get; init; }
    [Id(5)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(6)] public string? Error { get; init; }
    [Id(7)] public BacktestOutcome? Outcome { get; init; }
}

public static class BacktestStatus
{
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}
