using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Dashboard.Security;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Alerts;

/// <summary><c>GET /api/alerts</c>: stored alerts within the caller's scope, newest first.</summary>
public static class AlertsApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", GetAlertsAsync).RequireAuthorization(MonitoringPolicies.Reader);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertDocument>>, ProblemHttpResult>> GetAlertsAsync(
        HttpContext http, RegistryCatalog catalog, IAlertStore store,
        string? since, string? until, string? kind, string? severity, string? countyId, string? hospitalId, string? status, string? limit)
    {
        var errors = new List<string>();
        var sinceTime = Time(since, "since", errors);
        var untilTime = Time(until, "until", errors);
        AlertSeverity? level = severity switch
        {
            null or "" => null,
            "notice" => AlertSeverity.Notice,
            "warning" => AlertSeverity.Warning,
            "critical" => AlertSeverity.Critical,
            _ => Error<AlertSeverity?>(errors, $"severity \"{severity}\" is not one of notice, warning, critical"),
        };
        if (status is { Length: > 0 } && !AlertStatus.IsValid(status))
        {
            errors.Add($"status \"{status}\" is not one of open, acknowledged, withdrawn, resolved");
        }

        var count = DefaultLimit;
        if (limit is { Length: > 0 } && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            errors.Add($"limit \"{limit}\" must be a whole number from 1 to {MaxLimit}");
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Bad alert query");
        }

        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        var query = new AlertQuery(CountiesOf(scope, registry), scope.Kind == ScopeKind.Hospital ? scope.Id : null,
            sinceTime, untilTime, NullIfEmpty(kind), level, NullIfEmpty(countyId), NullIfEmpty(hospitalId), count, NullIfEmpty(status));
        var alerts = await store.QueryAsync(query, http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<AlertDocument>>([.. alerts.Select(AlertDocument.Of)]);
    }

    /// <summary>The counties whose alerts the caller may read; null for all of them.</summary>
    private static HashSet<string>? CountiesOf(AccessScope scope, FundRegistry registry) => scope.Kind switch
    {
        ScopeKind.All => null,
        ScopeKind.Hospital => registry.Hospitals.TryGetValue(scope.Id!, out var h) ? [h.Placement.CountyId] : [],
        _ => [.. registry.Counties.Keys.Where(c => scope.CanSeeCounty(c, registry))],
    };

    private static DateTimeOffset? Time(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors.Add($"{name} \"{text}\" is not an ISO 8601 date-time");
        return null;
    }

    private static T Error<T>(List<string> errors, string error)
    {
        errors.Add(error);
        return default!;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
