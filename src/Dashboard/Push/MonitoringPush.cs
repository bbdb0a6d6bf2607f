using Monitoring.Alerts;
using Monitoring.Funds;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// The silo's door to the push: alerts go to this silo's push grain, which batches them to every hub in the
/// cluster; fund statuses wait, coalesced per account, for <see cref="FundStatusRelay"/>.
/// </summary>
public sealed class MonitoringPush(IGrainFactory grains, PendingFundStatuses pending) : IMonitoringPush, IFundStatusSink
{
    public ValueTask AlertsAsync(IReadOnlyList<Alert> alerts) =>
        alerts.Count == 0 ? default : grains.GetGrain<IMonitoringPushGrain>(0).AlertsAsync([.. alerts]);

    public void Changed(FundStatus status) => pending.Put(status);
}
