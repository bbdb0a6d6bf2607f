using Microsoft.Extensions.Logging;
using Monitoring.Alerts;
using Monitoring.Funds.Snapshots;
using Monitoring.Publishing;
using Monitoring.Telemetry;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// The one door (<see cref="IPublisher"/>): alerts are stored first (each id once) and only the newly stored or newly
/// changed are pushed, so a finding re-raised by a replay is neither stored nor pushed twice; fund statuses go straight
/// to this silo's push grain, which keeps the latest per account and sends it at a bounded rate.
/// </summary>
public sealed partial class Publisher(IAlertStore store, IGrainFactory grains, MonitoringMetrics metrics, FindingsTally tally, ILogger<Publisher> logger) : IPublisher
{
    /// <summary>Why an alert was resolved when its budget level cleared.</summary>
    public const string LevelCleared = "level-cleared";

    private IMonitoringPushGrain Push => grains.GetGrain<IMonitoringPushGrain>(0);

    public async Task RaiseAsync(IReadOnlyList<Alert> alerts)
    {
        var added = await store.AddAsync(alerts);
        if (added.Count == 0)
        {
            return;
        }

        metrics.AlertsRaised(added);
        tally.Raised(added);
        foreach (var alert in added)
        {
            LogAlert(logger, alert.Kind, alert.Transition, alert.Severity, alert.SubjectLevel, alert.SubjectId, alert.MessageEn);
        }

        await Push.PushAsync([.. added.Select(Publication.Of)]);
    }

    public async Task WithdrawAsync(IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason)
    {
        var withdrawn = await store.WithdrawAsync(alertIds, claimIds, reason);
        if (withdrawn.Count == 0)
        {
            return;
        }

        tally.Withdrawn(withdrawn.Count);
        foreach (var alert in withdrawn)
        {
            LogWithdrawn(logger, alert.AlertId, alert.Kind, reason);
        }

        await Push.PushAsync([.. withdrawn.Select(Publication.Of)]);
    }

    public async Task ResolveAsync(Alert cleared)
    {
        var resolved = await store.ResolveAsync(cleared.Kind, cleared.SubjectLevel, cleared.SubjectId, cleared.AsOf, LevelCleared);
        if (resolved.Count > 0)
        {
            await Push.PushAsync([.. resolved.Select(Publication.Of)]);
        }
    }

    public async Task ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason)
    {
        var resolved = await store.ResolveByCaseAsync(alertIds, reason);
        if (resolved.Count > 0)
        {
            await Push.PushAsync([.. resolved.Select(Publication.Of)]);
        }
    }

    public void FundChanged(FundStatus status) => Push.PushAsync([Publication.Of(status)]).AsTask().Ignore();

    // Each finding at Debug: the console counts them a minute (FindingsTally).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {Kind} {Transition} {Severity} for {Level} {Subject}: {Message}")]
    private static partial void LogAlert(ILogger logger, string kind, AlertTransition transition, AlertSeverity severity, string level, string subject, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} ({Kind}) withdrawn: {Reason}")]
    private static partial void LogWithdrawn(ILogger logger, string alertId, string kind, string reason);
}
