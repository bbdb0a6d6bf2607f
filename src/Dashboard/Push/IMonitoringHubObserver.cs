
namespace Monitoring.Dashboard.Push;

/// <summary>
/// One silo's SignalR hub as the cluster sees it: a grain observer the push grains call with batches, which the
/// silo then routes to the groups of its own connections. One per silo, so the cluster needs no backplane.
/// </summary>
public interface IMonitoringHubObserver : IGrainObserver
{
    ValueTask DeliverAsync(Publication[] publications);
}
