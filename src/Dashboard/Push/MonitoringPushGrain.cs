using Microsoft.Extensions.Logging;
using System.Diagnostics;
using Orleans.Concurrency;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// Queues publications (alerts, fund statuses) and flushes them in batches to every live silo's hub (the GPS-tracker sample's
/// push notifier): one observer call per hub per batch, never one per alert or per claim.
/// </summary>
/// <remarks>
/// A single worker per silo, because order matters: a cleared alert must not overtake its raise, nor an older
/// fund status a newer one. Reentrant, so queueing never waits behind a flush in progress.
/// </remarks>
[StatelessWorker(1)]
[Reentrant]
public sealed partial class MonitoringPushGrain(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    HubObserver localHub,
    ILogger<MonitoringPushGrain> logger)
    : Grain, IMonitoringPushGrain, IDisposable
{
    /// <summary>Short enough to be live to a person, long enough that a burst of alerts goes out as one batch.</summary>
    private static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(15);

    /// <summary>Catches a silo that joined since the last look; a silo that left is caught at once by the membership version.</summary>
    private static readonly TimeSpan HubRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How soon the list is asked again while a live silo has no hub in it: a silo that just joined registers its hub
    /// moments after it turns active, and waiting the whole refresh period would leave its first clients without the
    /// alerts raised elsewhere meanwhile.
    /// </summary>
    private static readonly TimeSpan MissingHubRetry = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A person reading a dashboard gains nothing from more; a busy county would otherwise flood every hub. Alerts
    /// are not held back: only fund statuses wait, and only their latest per account goes out.
    /// </summary>
    public static readonly TimeSpan FundInterval = TimeSpan.FromMilliseconds(500);

    private const int MaxPerBatch = 100;

    private readonly Queue<Publication> _alerts = new();
    private readonly Dictionary<(string Kind, string Id), Publication> _funds = [];
    private long _fundsSentAt;
    private SiloHub[] _hubs = [];
    private MembershipVersion _hubsAt;
    private bool _hubMissing;
    private long _hubsAskedAt;
    private Task _flush = Task.CompletedTask;
    private IGrainTimer? _flushTimer;
    private IGrainTimer? _refreshTimer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RefreshHubsAsync();
        _flushTimer = this.RegisterGrainTimer(_ => FlushAsync(), FlushPeriod, FlushPeriod);
        _refreshTimer = this.RegisterGrainTimer(_ => RefreshHubsAsync(), HubRefreshPeriod, HubRefreshPeriod);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync(final: true);

    public void Dispose()
    {
        _flushTimer?.Dispose();
        _refreshTimer?.Dispose();
    }

    public ValueTask PushAsync(Publication[] publications)
    {
        foreach (var publication in publications)
        {
            if (publication.CoalescingKey is { } key)
            {
                _funds[key] = publication;
            }
            else
            {
                _alerts.Enqueue(publication);
            }
        }

        return default;
    }

    private Task FlushAsync(bool final = false)
    {
        if (_flush.IsCompleted)
        {
            _flush = FlushQueuedAsync(final);
        }

        return _flush;
    }

    private async Task FlushQueuedAsync(bool final)
    {
        var fundsDue = _funds.Count > 0 && (final || Stopwatch.GetElapsedTime(_fundsSentAt) >= FundInterval);
        if (_alerts.Count == 0 && !fundsDue)
        {
            return;
        }

        if (membership.CurrentSnapshot.Version != _hubsAt || (_hubMissing && Stopwatch.GetElapsedTime(_hubsAskedAt) >= MissingHubRetry))
        {
            await RefreshHubsAsync();
        }

        while (_alerts.Count > 0)
        {
            var batch = new Publication[Math.Min(_alerts.Count, MaxPerBatch)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = _alerts.Dequeue();
            }

            await BroadcastAsync(batch, "alerts");
        }

        if (fundsDue)
        {
            Publication[] statuses = [.. _funds.Values];
            _funds.Clear();
            _fundsSentAt = Stopwatch.GetTimestamp();
            await BroadcastAsync(statuses, "fund statuses");
        }
    }

    /// <summary>
    /// To this silo's own hub directly, and to every other live silo's through the hub list. This silo's clients never
    /// depend on the list: it lives in memory on one silo, and after that silo dies it is empty until each silo
    /// registers again, which is exactly when a fail-over raises alerts.
    /// </summary>
    private Task BroadcastAsync(Publication[] batch, string what) =>
        Task.WhenAll(_hubs.Where(h => !h.Silo.Equals(localSilo.SiloAddress)).Append(new SiloHub(localSilo.SiloAddress, localHub)).Select(async endpoint =>
        {
            try
            {
                await endpoint.Hub.DeliverAsync(batch);
            }
            catch (Exception e)
            {
                // One silo's hub failing must not hold back the others; its clients miss this batch, and a fund
                // snapshot is sent again with the account's next change.
                LogBroadcastFailed(logger, e, batch.Length, what, endpoint.Silo);
            }
        }));

    private async Task RefreshHubsAsync()
    {
        var version = membership.CurrentSnapshot.Version;
        try
        {
            var fresh = await GrainFactory.GetGrain<IHubListGrain>(0).GetHubsAsync();
            // The list lives in memory on one silo: when that silo dies it comes back empty, filling again as each
            // silo registers (every few seconds). Meanwhile the hubs known here whose silos are still active stay,
            // so a fail-over does not silently drop the alerts of the surviving silos' clients.
            var snapshot = membership.CurrentSnapshot;
            _hubs = [.. fresh, .. _hubs.Where(h => snapshot.GetSiloStatus(h.Silo) == SiloStatus.Active && !fresh.Any(f => f.Silo.Equals(h.Silo)))];
            _hubsAt = version;
            _hubMissing = snapshot.Members.Values.Any(m => m.Status == SiloStatus.Active && !_hubs.Any(h => h.Silo.Equals(m.SiloAddress)));
            _hubsAskedAt = Stopwatch.GetTimestamp();
        }
        catch (Exception e)
        {
            // Keep the hubs known so far; the next flush or refresh asks again.
            LogRefreshFailed(logger, e, _hubs.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pushing {Count} {What} to the hub on silo {Silo} failed")]
    private static partial void LogBroadcastFailed(ILogger logger, Exception exception, int count, string what, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the hub list; pushing on to the {Count} hubs known")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, int count);
}
