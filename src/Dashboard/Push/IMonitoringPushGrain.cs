using Monitoring.Alerts;
using Monitoring.Funds;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// This silo's outbox to every hub in the cluster. Both calls only queue and return: the grain flushes in batches
/// on a short timer, so a caller never waits on a hub.
/// </summary>
public interface IMonitoringPushGrain : IGrainWithIntegerKey
{
    ValueTask AlertsAsync(Alert[] alerts);

    /// <summary>Fund statuses, already coalesced per account by the caller; a newer one still queued replaces an older.</summary>
    ValueTask FundsAsync(FundStatus[] statuses);
}
