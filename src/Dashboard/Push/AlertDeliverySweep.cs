using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Publishing;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// Every silo pokes the deliverer on a period: after a crash, what the dead silo stored but did not push goes out from
/// the survivor (or from the restarted silo), and a case opening that failed is tried again, with no new finding needed.
/// </summary>
public sealed partial class AlertDeliverySweep(IGrainFactory grains, IOptions<DeliveryOptions> options, ILogger<AlertDeliverySweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<IAlertDeliveryGrain>(0).DeliverAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store or the deliverer's silo is away; what is owed stays owed until a round gets through.
                    LogSweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering stored alerts failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
