using Monitoring.Access;
using Monitoring.Grains;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Funds;

/// <summary>A fund account named by level and id, resolved against the registry: what it is, whose it is, its grain.</summary>
public sealed record FundAccountRef(string Level, string Id, string Name, string CountyId, string? AllianceType, decimal? AnnualBudget)
{
    public const string County = "county";
    public const string Alliance = "alliance";
    public const string Hospital = "hospital";

    public static FundAccountRef? Find(string level, string id, FundRegistry registry) => level switch
    {
        County when registry.Counties.TryGetValue(id, out var c) =>
            new(County, id, c.County.Name, id, null, c.County.AnnualBudget),
        Alliance when registry.Alliances.TryGetValue(id, out var a) =>
            new(Alliance, id, a.Alliance.Name, a.County.CountyId, a.Alliance.Type, a.Alliance.AnnualBudget),
        Hospital when registry.Hospitals.TryGetValue(id, out var h) =>
            new(Hospital, id, h.Hospital.Name, h.Placement.CountyId, null, h.Hospital.AnnualBudget),
        _ => null,
    };

    public bool IsVisibleTo(AccessScope scope, FundRegistry registry) => Level switch
    {
        County => scope.CanSeeCounty(Id, registry),
        Alliance => scope.CanSeeAlliance(Id, registry),
        _ => scope.CanSeeHospital(Id, registry),
    };

    public IFundAccountGrain Grain(IGrainFactory grains) => Level switch
    {
        County => grains.GetGrain<ICountyFundGrain>(Id),
        Alliance => grains.GetGrain<IAllianceGrain>(Id),
        _ => grains.GetGrain<IHospitalGrain>(Id),
    };
}
