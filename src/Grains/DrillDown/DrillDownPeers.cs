using Monitoring.Registry;

namespace Monitoring.DrillDown;

/// <summary>
/// Whose claims a fund's drill-down sums (its own hospitals) and whom it is compared with: hospitals of the same levels
/// (一级/二级/三级) in the same region outside the fund. Levels because a county hospital's cost per case is not a township
/// centre's; the region because prices and payment rules are set there.
/// </summary>
public sealed record DrillDownPeers(IReadOnlySet<string> Own, IReadOnlySet<string> Peers)
{
    public static DrillDownPeers? Of(string level, string id, FundRegistry registry)
    {
        var own = (level switch
        {
            FundLevel.County => registry.HospitalsOfCounty(id),
            FundLevel.Alliance => registry.HospitalsOfAlliance(id),
            FundLevel.Hospital => registry.IsRegistered(id) ? [id] : [],
            _ => [],
        }).ToHashSet(StringComparer.Ordinal);
        var region = level switch
        {
            FundLevel.County => registry.Counties.TryGetValue(id, out var c) ? c.Region.RegionId : null,
            FundLevel.Alliance => registry.Alliances.TryGetValue(id, out var a) && registry.Counties.TryGetValue(a.County.CountyId, out var ac)
                ? ac.Region.RegionId
                : null,
            FundLevel.Hospital => registry.PlacementOf(id)?.RegionId,
            _ => null,
        };
        if (region is null)
        {
            return null;
        }

        var levels = own.Select(h => registry.Hospitals[h].Hospital.Level).ToHashSet();
        var peers = registry.Hospitals.Values
            .Where(h => h.Placement.RegionId == region && !own.Contains(h.Hospital.HospitalId) && levels.Contains(h.Hospital.Level))
            .Select(h => h.Hospital.HospitalId)
            .ToHashSet(StringComparer.Ordinal);
        return new DrillDownPeers(own, peers);
    }
}
