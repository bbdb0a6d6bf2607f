namespace Monitoring.Dashboard.Push;

/// <summary>
/// Holds one hub observer per silo, filtered by cluster membership: a silo that dies drops out by itself, without
/// having to say goodbye. Kept in memory only; every silo registers again every few seconds
/// (<see cref="HubListRegistration"/>), so a list lost with its silo is whole again shortly.
/// </summary>
public sealed class HubListGrain(IClusterMembershipService membership) : Grain, IHubListGrain
{
    private readonly Dictionary<SiloAddress, IMonitoringHubObserver> _hubs = [];
    private SiloHub[]? _active;
    private MembershipVersion _activeAt;

    public ValueTask RegisterAsync(SiloAddress silo, IMonitoringHubObserver hub)
    {
        if (!_hubs.TryGetValue(silo, out var known) || !known.Equals(hub))
        {
            _hubs[silo] = hub;
            _active = null;
        }

        return default;
    }

    public ValueTask<SiloHub[]> GetHubsAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        if (_active is not null && snapshot.Version == _activeAt)
        {
            return new(_active);
        }

        var active = new List<SiloHub>(_hubs.Count);
        foreach (var (silo, hub) in _hubs.ToList())
        {
            switch (snapshot.GetSiloStatus(silo))
            {
                case SiloStatus.Active:
                    active.Add(new SiloHub(silo, hub));
                    break;
                case SiloStatus.Dead:
                    // A dead silo never comes back under the same address (its generation differs), so forget it.
                    _hubs.Remove(silo);
                    break;
            }
        }

        _active = [.. active];
        _activeAt = snapshot.Version;
        return new(_active);
    }
}
