using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Dashboard.Security;
using Monitoring.Funds;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Funds;

/// <summary><c>GET /api/funds/{level}/{id}</c>: one fund account's live snapshot with its spend by settlement day, within the caller's scope.</summary>
public static class FundsApi
{
    public static IEndpointRouteBuilder MapFundsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/funds/{level}/{id}", GetFundAsync).RequireAuthorization(MonitoringPolicies.Reader);
        return app;
    }

    private static async Task<Results<Ok<FundSnapshot>, ProblemHttpResult>> GetFundAsync(
        string level, string id, HttpContext http, RegistryCatalog catalog, IGrainFactory grains)
    {
        if (!FundLevel.IsValid(level))
        {
            return TypedResults.Problem($"level \"{level}\" is not one of county, alliance, hospital", statusCode: 400, title: "Unknown fund level");
        }

        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        if (FundAccountProfile.Find(level, id, registry) is null)
        {
            return TypedResults.Problem($"no {level} \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such fund account");
        }

        if (!scope.CanSeeAccount(level, id, registry))
        {
            return TypedResults.Problem($"{level} {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        var account = grains.GetFundAccount(level, id);
        var days = await account.GetDaysAsync();
        var status = await account.GetStatusAsync();
        return TypedResults.Ok(FundSnapshot.Of(status, days));
    }
}
