using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Dashboard.Security;
using Monitoring.DrillDown;
using Monitoring.Registry;

namespace Monitoring.Dashboard.DrillDown;

/// <summary>
/// The drill-down of one fund (county, alliance or hospital) within the caller's scope: what drives its spend by DRG
/// group, department, doctor or month, and the claims behind a figure. The scope is checked on the fund; the claims
/// read are only the fund's own hospitals' (a hospital token reaches only its own hospital, so never another's claims),
/// and peers appear only as pooled figures of at least <see cref="DrillDownAggregation.MinimumPeerHospitals"/> hospitals.
/// </summary>
public static class DrillDownApi
{
    public const int MaxClaimsLimit = 200;

    public static IEndpointRouteBuilder MapDrillDownApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/drilldown").RequireAuthorization(MonitoringPolicies.Reader).WithTags("Drill-down");
        group.MapGet("/{level}/{id}", GetDrillDownAsync)
            .WithSummary("A fund's spend, cases and per-case figures by DRG group, department, doctor or month, against earlier months and same-level peers");
        group.MapGet("/{level}/{id}/claims", GetClaimsAsync)
            .WithSummary("The standing settlements behind one drill-down figure, largest fund paid first, paged by offset");
        return app;
    }

    private static async Task<Results<Ok<DrillDownDocument>, ProblemHttpResult>> GetDrillDownAsync(
        string level, string id, string? by, string? month, HttpContext http, RegistryCatalog catalog, IClaimDrillDown drillDown,
        CancellationToken cancellationToken)
    {
        var registry = await catalog.CurrentAsync();
        var errors = new List<string>();
        var dimension = ParseDimension(by, errors);
        var monthNumber = ParseMonth(month, registry.FundYear, errors);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Invalid drill-down query");
        }

        if (Resolve(level, id, http, registry) is { } problem)
        {
            return problem;
        }

        var peers = DrillDownPeers.Of(level, id, registry)!;
        var cells = await drillDown.CellsAsync([.. peers.Own, .. peers.Peers], registry.FundYear, dimension, cancellationToken);
        var report = DrillDownAggregation.Build(dimension, registry.FundYear, cells, peers.Own, monthNumber);
        return TypedResults.Ok(DrillDownDocument.Of(level, id, FundAccountProfile.Find(level, id, registry)!.Name, report));
    }

    private static async Task<Results<Ok<TopClaimsPage>, ProblemHttpResult>> GetClaimsAsync(
        string level, string id, string? by, string? key, string? month, string? limit, string? offset, HttpContext http,
        RegistryCatalog catalog, IClaimDrillDown drillDown, CancellationToken cancellationToken)
    {
        var registry = await catalog.CurrentAsync();
        var errors = new List<string>();
        var dimension = ParseDimension(by, errors);
        var monthNumber = ParseMonth(month, registry.FundYear, errors);
        if (key is null)
        {
            errors.Add("key is required: the group whose claims to list (a DRG code, department, doctor id or YYYY-MM; empty for claims that do not say)");
        }

        var count = ParseWhole(limit, "limit", 20, 1, MaxClaimsLimit, errors);
        var skip = ParseWhole(offset, "offset", 0, 0, int.MaxValue, errors);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Invalid drill-down query");
        }

        if (Resolve(level, id, http, registry) is { } problem)
        {
            return problem;
        }

        // Only the fund's own hospitals: the peers of a drill-down are never listed claim by claim.
        var own = DrillDownPeers.Of(level, id, registry)!.Own;
        var page = await drillDown.TopClaimsAsync(new TopClaimsQuery(own, registry.FundYear, dimension, key!, monthNumber, count, skip), cancellationToken);
        return TypedResults.Ok(page);
    }

    private static ProblemHttpResult? Resolve(string level, string id, HttpContext http, FundRegistry registry)
    {
        if (!FundLevel.IsValid(level))
        {
            return TypedResults.Problem($"level \"{level}\" is not one of county, alliance, hospital", statusCode: 400, title: "Unknown fund level");
        }

        if (FundAccountProfile.Find(level, id, registry) is null)
        {
            return TypedResults.Problem($"no {level} \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such fund account");
        }

        var scope = CallerScope.Of(http.User)!;
        return scope.CanSeeAccount(level, id, registry)
            ? null
            : TypedResults.Problem($"{level} {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
    }

    private static DrillDownDimension ParseDimension(string? by, List<string> errors)
    {
        if (by is null)
        {
            return DrillDownDimension.Drg;
        }

        if (!DrillDownDimensions.TryParse(by, out var dimension))
        {
            errors.Add($"by \"{by}\" is not one of {string.Join(", ", DrillDownDimensions.Names)}");
        }

        return dimension;
    }

    private static int? ParseMonth(string? month, int fundYear, List<string> errors)
    {
        if (month is null or "")
        {
            return null;
        }

        if (DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year == fundYear)
        {
            return date.Month;
        }

        errors.Add($"month \"{month}\" must be a month of fund year {fundYear} written YYYY-MM");
        return null;
    }

    private static int ParseWhole(string? text, string name, int fallback, int min, int max, List<string> errors)
    {
        if (text is null or "")
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{name} \"{text}\" must be a whole number from {min} to {max}");
        return fallback;
    }
}
