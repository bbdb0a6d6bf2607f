using Monitoring.Alerts;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// Pushes to every web front's hub in the cluster: alerts as they are stored, batched; fund snapshots via
/// <see cref="Monitoring.Funds.IFundStatusSink"/>, coalesced per account. Each hub routes to the groups that may see.
/// </summary>
public interface IMonitoringPush
{
    ValueTask AlertsAsync(IReadOnlyList<Alert> alerts);
}
