namespace Monitoring.Registry;

/// <summary>
/// What the registry says of one fund account: its level and place in the hierarchy, its budget, the county's
/// monthly spending profile it is paced by, and (for alliances and their members) the alliance type that decides
/// the year-end surplus share.
/// </summary>
public sealed record FundAccountProfile(
    string Level,
    string Id,
    string Name,
    string CountyId,
    string RegionId,
    string? AllianceId,
    string? AllianceType,
    int FundYear,
    decimal? AnnualBudget,
    IReadOnlyList<decimal>? MonthlyProfile)
{
    public static FundAccountProfile? Find(string level, string id, FundRegistry registry) => level switch
    {
        FundLevel.County when registry.Counties.TryGetValue(id, out var c) =>
            new(FundLevel.County, id, c.County.Name, id, c.Region.RegionId, null, null, registry.FundYear, c.County.AnnualBudget, c.County.MonthlyProfile),
        FundLevel.Alliance when registry.Alliances.TryGetValue(id, out var a) =>
            new(FundLevel.Alliance, id, a.Alliance.Name, a.County.CountyId, registry.Counties[a.County.CountyId].Region.RegionId, id,
                a.Alliance.Type, registry.FundYear, a.Alliance.AnnualBudget, a.County.MonthlyProfile),
        FundLevel.Hospital when registry.Hospitals.TryGetValue(id, out var h) =>
            new(FundLevel.Hospital, id, h.Hospital.Name, h.Placement.CountyId, h.Placement.RegionId, h.Hospital.AllianceId,
                h.Hospital.AllianceId is { } allianceId && registry.Alliances.TryGetValue(allianceId, out var own) ? own.Alliance.Type : null,
                registry.FundYear, h.Hospital.AnnualBudget, registry.Counties[h.Placement.CountyId].County.MonthlyProfile),
        _ => null,
    };
}
