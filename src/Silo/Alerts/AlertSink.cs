using Monitoring.Alerts;
using Monitoring.Dashboard.Push;

namespace Monitoring.Silo.Alerts;

/// <summary>
/// Where grains hand their alerts: stored first (each id once), then pushed to every hub — only the newly stored
/// ones, so a finding re-raised by a replay is neither stored nor pushed twice.
/// </summary>
public sealed class AlertSink(IAlertStore store, IMonitoringPush push, MonitoringMetrics metrics, ILogger<AlertSink> logger) : IAlertSink
{
    public async Task PublishAsync(IReadOnlyList<Alert> alerts)
    {
        var added = await store.AddAsync(alerts);
        if (added.Count == 0)
        {
            return;
        }

        metrics.AlertsRaised(added);
        foreach (var alert in added)
        {
            logger.LogInformation("Alert {Kind} {Transition} {Severity} for {Level} {Subject}: {Message}",
                alert.Kind, alert.Transition, alert.Severity, alert.SubjectLevel, alert.SubjectId, alert.MessageEn);
        }

        await push.AlertsAsync(added);
    }
}
