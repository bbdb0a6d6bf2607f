
namespace Monitoring.Dashboard.Push;

/// <summary>
/// This silo's outbox to every hub in the cluster. Queues and returns: the grain flushes in batches on a short timer,
/// so a caller never waits on a hub.
/// </summary>
public interface IMonitoringPushGrain : IGrainWithIntegerKey
{
    ValueTask PushAsync(Publication[] publications);
}
