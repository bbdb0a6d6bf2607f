using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Registry;

/// <summary><c>GET /api/registry</c> (as the caller may see it) and <c>PUT /api/registry</c> (admin: replace it whole).</summary>
public static class RegistryApi
{
    private const int MaxRegistryBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/registry", GetAsync).RequireAuthorization();
        app.MapPut("/api/registry", PutAsync).RequireAuthorization(MonitoringPolicies.Admin);
        return app;
    }

    private static async Task<Results<Ok<RegistryDocument>, Ok<JsonObject>, ForbidHttpResult>> GetAsync(HttpContext http, RegistryCatalog catalog)
    {
        var registry = await catalog.CurrentAsync();
        if (CallerScope.Of(http.User) is not { } scope)
        {
            return TypedResults.Forbid(); // authentication refuses such tokens already; never read one as "everything"
        }

        if (scope.Role == AccessScope.HospitalRole)
        {
            return TypedResults.Ok(HospitalRegistryView.Of(scope.Filter(registry), scope.Id!));
        }

        return TypedResults.Ok(scope.MayRead ? scope.Filter(registry) : registry.Document with { Regions = [] });
    }

    private static async Task<Results<Ok<RegistryReplaced>, ProblemHttpResult>> PutAsync(HttpContext http, RegistryCatalog catalog)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxRegistryBytes;
        }

        string json;
        try
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            json = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"the registry is over {MaxRegistryBytes / (1024 * 1024)} MiB", statusCode: 413, title: "Registry too large");
        }

        var parsed = RegistryParser.Parse(json);
        if (parsed.Document is null)
        {
            return TypedResults.Problem(
                string.Join("\n", parsed.Errors),
                statusCode: 400,
                title: "Registry refused; the registry in force is unchanged (登记册未通过校验，原登记册继续有效)",
                extensions: new Dictionary<string, object?> { ["errors"] = parsed.Errors });
        }

        var registry = await catalog.ReplaceAsync(json);
        return TypedResults.Ok(new RegistryReplaced(registry.Version, registry.FundYear, registry.Counties.Count, registry.Alliances.Count, registry.Hospitals.Count));
    }
}

/// <summary>What a replacement put in force.</summary>
public sealed record RegistryReplaced(long Version, int FundYear, int Counties, int Alliances, int Hospitals);
