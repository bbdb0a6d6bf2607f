namespace Monitoring.Dashboard.Push;

/// <summary>The hubs of the silos that are alive: where a push must go to reach every connected client.</summary>
public interface IHubListGrain : IGrainWithIntegerKey
{
    ValueTask RegisterAsync(SiloAddress silo, IMonitoringHubObserver hub);

    ValueTask<SiloHub[]> GetHubsAsync();
}
