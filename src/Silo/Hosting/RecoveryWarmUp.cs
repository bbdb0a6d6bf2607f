using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Funds;
using Monitoring.Registry;
using Monitoring.Silo.Storage;

namespace Monitoring.Silo;

/// <summary>
/// After a start (a restart after a crash above all) the fund accounts are rebuilt before the host calls itself ready:
/// each is activated, loading its checkpoint and replaying the ledger after it, a few at a time
/// (<see cref="ReplayGate.Permits"/>) rather than all at once on the first batch. <see cref="RecoveryReadiness"/>
/// answers 503 until every account has answered once, 200 from then on.
/// </summary>
public sealed partial class RecoveryWarmUp(IGrainFactory grains, RegistryCatalog registry, ReplayGate replays, ILogger<RecoveryWarmUp> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private int _total = -1;
    private int _rebuilt;

    public bool CaughtUp { get; private set; }

    /// <summary>What the probe says while catching up.</summary>
    public string Progress => _total < 0 ? "reading the registry" : $"{Volatile.Read(ref _rebuilt)} of {_total} fund accounts rebuilt";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var accounts = await AccountsAsync(stoppingToken);
            _total = accounts.Count;
            var started = TimeProvider.System.GetTimestamp();
            await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = replays.Permits, CancellationToken = stoppingToken },
                async (account, ct) =>
                {
                    await UntilAnsweredAsync(() => grains.GetFundAccount(account.Level, account.Id).GetBalanceAsync(), ct);
                    Interlocked.Increment(ref _rebuilt);
                });
            CaughtUp = true;
            LogCaughtUp(logger, _total, TimeProvider.System.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<List<(string Level, string Id)>> AccountsAsync(CancellationToken ct)
    {
        var current = await UntilAnsweredAsync(registry.CurrentAsync, ct);
        return
        [
            .. current.Counties.Keys.Select(id => (FundLevel.County, id)),
            .. current.Alliances.Keys.Select(id => (FundLevel.Alliance, id)),
            .. current.Hospitals.Keys.Select(id => (FundLevel.Hospital, id)),
        ];
    }

    /// <summary>A database or a silo away during recovery delays it; the probe stays 503 meanwhile.</summary>
    private async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt == 1)
                {
                    LogRetrying(logger, e);
                }

                await Task.Delay(RetryDelay, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up: {Accounts} fund accounts rebuilt in {Elapsed}")]
    private static partial void LogCaughtUp(ILogger logger, int accounts, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding a fund account failed; trying again until it answers")]
    private static partial void LogRetrying(ILogger logger, Exception exception);
}
