using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Dashboard.Security;
using Monitoring.LowThreshold;
using Monitoring.Registry;

namespace Monitoring.Dashboard.LowThreshold;

/// <summary>
/// <c>GET /api/low-threshold/hospital/{id}</c>: a hospital's monthly share of short, cheap stays beside its same-level
/// peers' median and its admissions (住院人次), and where its low-threshold alarm stands, within the caller's scope.
/// </summary>
public static class LowThresholdApi
{
    public static IEndpointRouteBuilder MapLowThresholdApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/low-threshold/hospital/{id}", GetStandingAsync).RequireAuthorization(MonitoringPolicies.Reader);
        return app;
    }

    private static async Task<Results<Ok<LowThresholdStandingDocument>, ProblemHttpResult>> GetStandingAsync(
        string id, HttpContext http, RegistryCatalog catalog, IGrainFactory grains)
    {
        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        if (registry.PlacementOf(id) is null)
        {
            return TypedResults.Problem($"no hospital \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such hospital");
        }

        if (!scope.CanSeeAccount(FundLevel.Hospital, id, registry))
        {
            return TypedResults.Problem($"hospital {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        // Peers' figures come as medians over the same level only: a hospital learns how it stands, not another's numbers.
        var standing = await grains.GetGrain<ILowThresholdGrain>(id).GetStandingAsync();
        return TypedResults.Ok(LowThresholdStandingDocument.Of(standing));
    }
}
