using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Funds.Snapshots;
using Monitoring.Publishing;
using Monitoring.Telemetry;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// The one door (<see cref="IPublisher"/>): a finding is durable before it is forgotten. Alerts and their changes are
/// stored first (each id once), retried until the store takes them, so the detector's turn does not end on an unstored
/// finding; what was stored is then delivered by <see cref="IAlertDeliveryGrain"/> (case opened, pushed), outside that
/// turn. Fund statuses go straight to this silo's push grain, which keeps the latest per account.
/// </summary>
public sealed partial class Publisher(
    IAlertStore store,
    CaseOpener cases,
    IGrainFactory grains,
    IOptions<DeliveryOptions> options,
    MonitoringMetrics metrics,
    FindingsTally tally,
    Monitoring.Rules.RuleBook rules,
    ILogger<Publisher> logger) : IPublisher
{
    /// <summary>Why an alert was resolved when its budget level cleared.</summary>
    public const string LevelCleared = "level-cleared";

    public async Task RaiseAsync(IReadOnlyList<Alert> alerts)
    {
        // Every alert names the rule and version that raised it, whichever detector made it.
        alerts = [.. alerts.Select(rules.Stamped)];
        var added = await StoreAsync(() => store.AddAsync(alerts), "store alerts");
        metrics.AlertsRaised(added);
        tally.Raised(added);
        foreach (var alert in added)
        {
            LogAlert(logger, alert.Kind, alert.Transition, alert.Severity, alert.SubjectLevel, alert.SubjectId, alert.MessageEn);
        }

        // Whatever the kind, a cleared level ends its episode: its alerts up to the clearing, the clearing one too,
        // become resolved. Also for a clearing stored before (a replay): resolving twice changes nothing.
        var resolved = 0;
        foreach (var cleared in alerts.Where(a => a.Transition == AlertTransition.Cleared))
        {
            resolved += (await ResolveEpisodeAsync(cleared)).Count;
        }

        if (added.Count > 0 || resolved > 0)
        {
            Deliver();
        }
    }

    public async Task WithdrawAsync(IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason)
    {
        var withdrawn = await StoreAsync(() => store.WithdrawAsync(alertIds, claimIds, reason), "withdraw alerts");
        tally.Withdrawn(withdrawn.Count);
        // The undecided cases resting on what was withdrawn close with it; closing twice changes nothing.
        await StoreAsync(() => cases.WithdrawAsync(alertIds, claimIds, reason), "withdraw cases");
        foreach (var alert in withdrawn)
        {
            LogWithdrawn(logger, alert.AlertId, alert.Kind, reason);
        }

        if (withdrawn.Count > 0)
        {
            Deliver();
        }
    }

    public async Task ResolveAsync(Alert cleared)
    {
        if ((await ResolveEpisodeAsync(cleared)).Count > 0)
        {
            Deliver();
        }
    }

    private Task<IReadOnlyList<Alert>> ResolveEpisodeAsync(Alert cleared) => StoreAsync(
        () => store.ResolveAsync(cleared.Kind, cleared.SubjectLevel, cleared.SubjectId, cleared.AsOf, LevelCleared,
            idPrefix: AlertEpisode.IdPrefixOf(cleared.AlertId)), "resolve alerts");

    public async Task ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason)
    {
        var resolved = await StoreAsync(() => store.ResolveByCaseAsync(alertIds, reason), "resolve alerts by case");
        if (resolved.Count > 0)
        {
            Deliver();
        }
    }

    public void FundChanged(FundStatus status) => grains.GetGrain<IMonitoringPushGrain>(0).PushAsync([Publication.Of(status)]).AsTask().Ignore();

    /// <summary>Not awaited: the caller's finding is stored; a poke lost here is made good by the next sweep.</summary>
    private void Deliver() => grains.GetGrain<IAlertDeliveryGrain>(0).DeliverAsync().Ignore();

    private Task<T> StoreAsync<T>(Func<Task<T>> write, string what) => StoreRetry.UntilDoneAsync(write, options.Value, logger, what);

    private Task StoreAsync(Func<Task> write, string what) => StoreRetry.UntilDoneAsync(write, options.Value, logger, what);

    // Each finding at Debug: the console counts them a minute (FindingsTally).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {Kind} {Transition} {Severity} for {Level} {Subject}: {Message}")]
    private static partial void LogAlert(ILogger logger, string kind, AlertTransition transition, AlertSeverity severity, string level, string subject, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} ({Kind}) withdrawn: {Reason}")]
    private static partial void LogWithdrawn(ILogger logger, string alertId, string kind, string reason);
}
