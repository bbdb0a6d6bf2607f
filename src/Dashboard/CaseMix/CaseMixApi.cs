using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.CaseMix;
using Monitoring.Dashboard.Security;
using Monitoring.Registry;

namespace Monitoring.Dashboard.CaseMix;

/// <summary>
/// The DRG indicators (DRG 运行指标), scoped like the funds API: <c>GET /api/casemix/{level}/{id}</c> for one county,
/// alliance or hospital by month (a hospital with its same-level peers' CMI and heavy share beside it), and
/// <c>GET /api/casemix/ranking?countyId=&amp;sort=</c> for the hospitals the caller may see, ranked by one indicator.
/// </summary>
public static class CaseMixApi
{
    /// <summary>The indicators a ranking can sort by, each highest first.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CaseMixFigures, double?>> SortKeys = new Dictionary<string, Func<CaseMixFigures, double?>>
    {
        ["cmi"] = f => f.Cmi,
        ["heavyShare"] = f => f.HeavyShare,
        ["groupingRate"] = f => f.GroupingRate,
        ["costIndex"] = f => f.CostIndex,
        ["timeIndex"] = f => f.TimeIndex,
        ["drgFundShare"] = f => f.DrgFundShare,
        ["cases"] = f => f.Cases,
    };

    public static IEndpointRouteBuilder MapCaseMixApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/casemix/ranking", GetRankingAsync).RequireAuthorization(MonitoringPolicies.Reader);
        app.MapGet("/api/casemix/{level}/{id}", GetUnitAsync).RequireAuthorization(MonitoringPolicies.Reader);
        app.MapGet("/api/casemix/hospital/{id}/percentiles", GetPercentilesAsync).RequireAuthorization(MonitoringPolicies.Reader);
        return app;
    }

    private static async Task<Results<Ok<CaseMixReport>, ProblemHttpResult>> GetUnitAsync(
        string level, string id, HttpContext http, RegistryCatalog catalog, IGrainFactory grains)
    {
        if (!FundLevel.IsValid(level))
        {
            return TypedResults.Problem($"level \"{level}\" is not one of county, alliance, hospital", statusCode: 400, title: "Unknown level");
        }

        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        if (FundAccountProfile.Find(level, id, registry) is null || RegionOf(level, id, registry) is not { } region)
        {
            return TypedResults.Problem($"no {level} \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such unit");
        }

        if (!scope.CanSeeAccount(level, id, registry))
        {
            return TypedResults.Problem($"{level} {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        var report = await grains.GetGrain<ICaseMixGrain>(region).GetAsync(level, id);
        return TypedResults.Ok(report!);
    }

    /// <summary>
    /// A hospital's standing among its same-level peers of the region on the PEPPER target areas, by month. It names no
    /// peer and gives no peer's figure, only where the hospital falls among them, so a hospital may read its own.
    /// </summary>
    private static async Task<Results<Ok<PeerStandingReport>, ProblemHttpResult>> GetPercentilesAsync(
        string id, HttpContext http, RegistryCatalog catalog, IGrainFactory grains)
    {
        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        if (registry.PlacementOf(id) is not { } placement)
        {
            return TypedResults.Problem($"no hospital \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such unit");
        }

        if (!scope.CanSeeHospital(id, registry))
        {
            return TypedResults.Problem($"hospital {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        return TypedResults.Ok((await grains.GetGrain<ICaseMixGrain>(placement.RegionId).PercentilesAsync(id))!);
    }

    private static async Task<Results<Ok<CaseMixRankingRow[]>, ProblemHttpResult>> GetRankingAsync(
        HttpContext http, RegistryCatalog catalog, IGrainFactory grains, string? countyId = null, string? sort = null)
    {
        sort ??= "cmi";
        if (!SortKeys.TryGetValue(sort, out var key))
        {
            return TypedResults.Problem($"sort \"{sort}\" is not one of {string.Join(", ", SortKeys.Keys)}", statusCode: 400, title: "Unknown indicator");
        }

        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        if (countyId is not null && !registry.Counties.ContainsKey(countyId))
        {
            return TypedResults.Problem($"no county \"{countyId}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such county");
        }

        if (countyId is not null && !scope.CanSeeCounty(countyId, registry))
        {
            return TypedResults.Problem($"county {countyId} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        // The server decides what a caller sees: a hospital token ranks itself alone.
        var visible = registry.Hospitals.Values
            .Where(h => countyId is null || h.Placement.CountyId == countyId)
            .Where(h => scope.CanSeeHospital(h.Hospital.HospitalId, registry))
            .ToList();
        var rows = new List<CaseMixRankingRow>();
        foreach (var region in visible.GroupBy(h => h.Placement.RegionId))
        {
            var figures = await grains.GetGrain<ICaseMixGrain>(region.Key).RankAsync([.. region.Select(h => h.Hospital.HospitalId)]);
            rows.AddRange(figures.Select(f => CaseMixRankingRow.Of(f, registry.Hospitals[f.HospitalId])));
        }

        return TypedResults.Ok(rows
            .OrderByDescending(r => key(r.YearToDate) ?? double.NegativeInfinity)
            .ThenBy(r => r.HospitalId, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToArray());
    }

    private static string? RegionOf(string level, string id, FundRegistry registry) => level switch
    {
        FundLevel.Hospital => registry.PlacementOf(id)?.RegionId,
        FundLevel.Alliance => registry.Alliances.TryGetValue(id, out var a) && registry.Counties.TryGetValue(a.County.CountyId, out var c) ? c.Region.RegionId : null,
        _ => registry.Counties.TryGetValue(id, out var county) ? county.Region.RegionId : null,
    };
}

/// <summary>One hospital in the regulator's ranking: who and where it is, and its year-to-date indicators.</summary>
public sealed record CaseMixRankingRow(int Rank, string HospitalId, string Name, int Level, string CountyId, string? AllianceId, CaseMixFigures YearToDate, DateOnly AsOf)
{
    public static CaseMixRankingRow Of(HospitalCaseMixRow row, (HospitalEntry Hospital, HospitalPlacement Placement) entry) =>
        new(0, row.HospitalId, entry.Hospital.Name, row.Level, entry.Placement.CountyId, entry.Placement.AllianceId, row.YearToDate, row.AsOf);
}
