using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Publishing;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// Case opening as a consumer of stored alerts, outside the detector's turn, and the push of what was stored: reads the
/// undelivered alerts oldest first, opens each one's case (a failure leaves it owed, and the next round tries again),
/// hands the alerts as they now read to this silo's push grain and marks them pushed. One activation in the cluster and
/// not reentrant, so two rounds never open the same case at once.
/// </summary>
public sealed partial class AlertDeliveryGrain(
    IAlertStore store,
    CaseOpener opener,
    IOptions<DeliveryOptions> options,
    ILogger<AlertDeliveryGrain> logger) : Grain, IAlertDeliveryGrain
{
    public async Task DeliverAsync()
    {
        var kinds = opener.AutoOpenKinds;
        var batchSize = options.Value.BatchSize;
        var owedCases = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var owed = await store.UndeliveredAsync(kinds, batchSize);
            var toPush = new List<Alert>(owed.Count);
            foreach (var (alert, pushed) in owed)
            {
                var current = alert;
                if (alert.CaseId is null && CaseOpening.OpensByItself(alert, kinds) && !owedCases.Contains(alert.AlertId))
                {
                    current = await OpenCaseAsync(alert) ?? alert;
                    if (current.CaseId is null)
                    {
                        // Tried this round; the next sweep tries again. Meanwhile the alert goes out without it.
                        owedCases.Add(alert.AlertId);
                    }
                }

                if (!pushed || current.Revision != alert.Revision)
                {
                    toPush.Add(current);
                }
            }

            if (toPush.Count > 0)
            {
                await GrainFactory.GetGrain<IMonitoringPushGrain>(0).PushAsync([.. toPush.Select(Publication.Of)]);
                await store.MarkPushedAsync(toPush);
            }

            // A full batch may hide more behind it; a round that pushed nothing new has only failed cases left.
            if (owed.Count < batchSize || toPush.Count == 0)
            {
                return;
            }
        }
    }

    private async Task<Alert?> OpenCaseAsync(Alert alert)
    {
        try
        {
            // Idempotent: a finding re-raised by a replay, or a round after a crash, finds its case.
            var (opened, _) = await opener.OpenAsync(alert, CaseActor.System);
            return await store.SetCaseAsync(alert.AlertId, opened.CaseId);
        }
        catch (Exception e)
        {
            LogOpenFailed(logger, e, alert.AlertId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No case could be opened on alert {AlertId} yet; it is pushed without one and the next round tries again")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception, string alertId);
}
