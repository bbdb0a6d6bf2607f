using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// Hands the pending fund statuses to this silo's push grain, at most once per <see cref="MinInterval"/>: an
/// account that changes with every claim still reaches the dashboards at most twice a second, as its latest status.
/// The first change after a quiet spell goes at once.
/// </summary>
public sealed partial class FundStatusRelay(PendingFundStatuses pending, IGrainFactory grains, ILogger<FundStatusRelay> logger)
    : BackgroundService
{
    /// <summary>A person reading a dashboard gains nothing from more; a busy county would otherwise flood every hub.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var push = grains.GetGrain<IMonitoringPushGrain>(0);
        while (await pending.WaitAsync(stoppingToken))
        {
            var statuses = pending.Take();
            if (statuses.Length > 0)
            {
                try
                {
                    await push.FundsAsync(statuses);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogHandOverFailed(logger, e, statuses.Length);
                    pending.Restore(statuses);
                }
            }

            try
            {
                await Task.Delay(MinInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing {Count} fund statuses to the push grain failed; they are tried again")]
    private static partial void LogHandOverFailed(ILogger logger, Exception exception, int count);
}
