using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Dashboard.Security;
using Monitoring.Readmission;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Readmission;

/// <summary><c>GET /api/readmission/hospital/{id}</c>: a hospital's readmission rate beside its peers' median, within the caller's scope.</summary>
public static class ReadmissionApi
{
    public static IEndpointRouteBuilder MapReadmissionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/readmission/hospital/{id}", GetStandingAsync).RequireAuthorization(MonitoringPolicies.Reader);
        return app;
    }

    private static async Task<Results<Ok<ReadmissionStandingDocument>, ProblemHttpResult>> GetStandingAsync(
        string id, HttpContext http, RegistryCatalog catalog, IGrainFactory grains)
    {
        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        if (registry.PlacementOf(id) is not { } placement)
        {
            return TypedResults.Problem($"no hospital \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such hospital");
        }

        if (!scope.CanSeeAccount(FundLevel.Hospital, id, registry))
        {
            return TypedResults.Problem($"hospital {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        // Rates are judged per region, so the region's peers grain holds the hospital's standing.
        var standing = await grains.GetGrain<IReadmissionPeersGrain>(placement.RegionId).GetAsync(id);
        return TypedResults.Ok(standing is null ? ReadmissionStandingDocument.NotYetReported(id) : ReadmissionStandingDocument.Of(standing));
    }
}
