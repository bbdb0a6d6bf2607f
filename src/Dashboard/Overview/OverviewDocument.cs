using System.Text.Json.Serialization;

namespace Monitoring.Dashboard.Overview;

/// <summary>
/// <c>GET /api/overview</c>: the caller's scope ranked by risk (<see cref="RiskOrder"/>) — counties, within each its
/// alliances and their hospitals, then the hospitals outside every alliance — with each county's standing alerts
/// counted by kind and severity. <see cref="AsOf"/> is the latest settlement time among the funds shown.
/// </summary>
public sealed record OverviewDocument(
    [property: JsonPropertyName("fundYear")] int FundYear,
    [property: JsonPropertyName("asOf")] DateTimeOffset? AsOf,
    [property: JsonPropertyName("problems")] int Problems,
    [property: JsonPropertyName("regions")] IReadOnlyList<OverviewRegion> Regions);

public sealed record OverviewRegion(
    [property: JsonPropertyName("regionId")] string RegionId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("counties")] IReadOnlyList<OverviewCounty> Counties);

/// <summary>
/// A county and what lies below it. <see cref="Fund"/> is null when the caller may not read the county's own fund
/// (a hospital sees its county named, for orientation, and nothing of it).
/// </summary>
public sealed record OverviewCounty(
    [property: JsonPropertyName("countyId")] string CountyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fund")] OverviewFund? Fund,
    [property: JsonPropertyName("alerts")] IReadOnlyList<AlertTally> Alerts,
    [property: JsonPropertyName("alliances")] IReadOnlyList<OverviewAlliance> Alliances,
    [property: JsonPropertyName("outside")] IReadOnlyList<OverviewFund> Outside);

public sealed record OverviewAlliance(
    [property: JsonPropertyName("allianceId")] string AllianceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fund")] OverviewFund? Fund,
    [property: JsonPropertyName("hospitals")] IReadOnlyList<OverviewFund> Hospitals);

/// <summary>A county's standing alerts of one kind and severity: those not yet looked at, and those acknowledged.</summary>
public sealed record AlertTally(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("open")] int Open,
    [property: JsonPropertyName("acknowledged")] int Acknowledged);
