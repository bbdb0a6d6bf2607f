using Monitoring.Registry;

namespace Monitoring.Funds;

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
    public const string County = "county";
    public const string Alliance = "alliance";
    public const string Hospital = "hospital";

    public static FundAccountProfile? Find(string level, string id, FundRegistry registry) => level switch
    {
        County when registry.Counties.TryGetValue(id, out var c) =>
            new(County, id, c.County.Name, id, c.Region.RegionId, null, null, registry.FundYear, c.County.AnnualBudget, c.County.MonthlyProfile),
        Alliance when registry.Alliances.TryGetValue(id, out var a) =>
            new(Alliance, id, a.Alliance.Name, a.County.CountyId, registry.Counties[a.County.CountyId].Region.RegionId, id,
                a.Alliance.Type, registry.FundYear, a.Alliance.AnnualBudget, a.County.MonthlyProfile),
        Hospital when registry.Hospitals.TryGetValue(id, out var h) =>
            new(Hospital, id, h.Hospital.Name, h.Placement.CountyId, h.Placement.RegionId, h.Hospital.AllianceId,
                h.Hospital.AllianceId is { } allianceId && registry.Alliances.TryGetValue(allianceId, out var own) ? own.Alliance.Type : null,
                registry.FundYear, h.Hospital.AnnualBudget, registry.Counties[h.Placement.CountyId].County.MonthlyProfile),
        _ => null,
    };

    public FundStatus Status(FundBalance balance, PaceReading? pace, YearEndPreview? yearEnd) => new()
    {
        Level = Level,
        Id = Id,
        Name = Name,
        CountyId = CountyId,
        RegionId = RegionId,
        AllianceId = AllianceId,
        AllianceType = AllianceType,
        FundYear = FundYear,
        AnnualBudget = AnnualBudget,
        FundPaid = balance.FundPaidIn(FundYear),
        ClaimsCounted = balance.ClaimsCountedIn(FundYear),
        AsOf = balance.AsOf,
        Months = balance.Months,
        Pace = pace,
        YearEnd = yearEnd,
    };
}
