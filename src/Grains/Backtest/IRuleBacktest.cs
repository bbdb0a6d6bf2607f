using Monitoring.Registry;
using Monitoring.Rules;

namespace Monitoring.Backtest;

/// <summary>The fraction of a backtest's work done and the ledger rows read so far.</summary>
public delegate void BacktestProgress(double done, long rowsRead);

/// <summary>
/// The backtest of one rule: it replays a period of the ledger under the library in force and under the library
/// with the draft published, and compares what each finds. It reads the ledger and nothing else.
/// </summary>
public interface IRuleBacktest
{
    string RuleId { get; }

    Task<BacktestOutcome> RunAsync(BacktestRequest request, RuleLibrary live, FundRegistry registry, BacktestProgress progress, CancellationToken cancellationToken);

    /// <summary>The library as it would be with the draft published: what the tried side judges under.</summary>
    static RuleLibrary Tried(BacktestRequest request, RuleLibrary live)
    {
        var outcome = live.Publish(request.RuleId, request.Version, request.By, DateTimeOffset.UnixEpoch, "backtest");
        return outcome.Library ?? throw new InvalidOperationException(string.Join("; ", outcome.Errors.Select(e => e.Message)));
    }
}
