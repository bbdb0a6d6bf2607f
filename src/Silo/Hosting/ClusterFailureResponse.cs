using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Monitoring.Cluster;

namespace Monitoring.Silo;

/// <summary>
/// Any request that meets the cluster replacing a silo (a grain whose silo died and is not yet declared dead) is
/// answered 503 with Retry-After and a problem document, like a database outage, not 500 with an empty body: the
/// caller can tell "try again in a moment" from a fault.
/// </summary>
public static class ClusterFailureResponse
{
    private const int RetryAfterSeconds = 2;

    public static IApplicationBuilder UseClusterFailureResponse(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (ClusterFailure.IsTransient(e) && !http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Cluster reconfiguring",
                Detail = $"a silo of the cluster is being replaced ({e.GetType().Name}); try again in {RetryAfterSeconds} seconds (集群正在切换节点，请稍后重试)",
            }, options: null, contentType: "application/problem+json");
        }
    });
}
