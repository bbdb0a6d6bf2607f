using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Dashboard.Security;
using Monitoring.Funds;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Alerts;

/// <summary>
/// <c>GET /api/alerts</c>: stored alerts within the caller's scope, newest first, a page at a time (a
/// <c>Link: &lt;…&gt;; rel="next"</c> header when more match), as JSON or as CSV; budget alerts carry their fund's
/// figures as they stand now beside those at raise time. <c>POST /api/alerts/{id}/acknowledge</c>: see
/// <see cref="AlertAcknowledgeApi"/>.
/// </summary>
public static class AlertsApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization(MonitoringPolicies.Reader).WithTags("Alerts");
        alerts.MapGet("", GetAlertsAsync);
        alerts.MapAlertAcknowledgeApi();
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertDocument>>, FileContentHttpResult, ProblemHttpResult>> GetAlertsAsync(
        HttpContext http, RegistryCatalog catalog, IAlertStore store, IGrainFactory grains,
        string? since, string? until, string? kind, string? severity, string? countyId, string? hospitalId, string? status, string? limit,
        string? cursor, string? format)
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

        long? before = null;
        if (cursor is { Length: > 0 })
        {
            if (AlertCursor.TryRead(cursor, out var sequence))
            {
                before = sequence;
            }
            else
            {
                errors.Add($"cursor \"{cursor}\" is not a cursor this server gave out; follow the Link header of the page before");
            }
        }

        var csv = format switch
        {
            null or "" => http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)),
            "csv" => true,
            "json" => false,
            _ => Error<bool>(errors, $"format \"{format}\" is not one of json, csv"),
        };

        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Bad alert query");
        }

        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        // One more than asked: whether it comes back says whether there is a next page.
        var query = new AlertQuery(CountiesOf(scope, registry), scope.Kind == ScopeKind.Hospital ? scope.Id : null,
            sinceTime, untilTime, NullIfEmpty(kind), level, NullIfEmpty(countyId), NullIfEmpty(hospitalId), count + 1, NullIfEmpty(status), before);
        var found = await store.QueryAsync(query, http.RequestAborted);
        var page = found.Take(count).ToList();
        if (found.Count > count)
        {
            http.Response.Headers.Link = $"<{NextPage(http.Request, AlertCursor.Of(page[^1].Sequence))}>; rel=\"next\"";
        }

        var now = await FundsNowAsync(page, registry, grains);
        var documents = page.Select(a => AlertDocument.For(scope, a, now.GetValueOrDefault((a.SubjectLevel, a.SubjectId)))).ToList();
        return csv
            ? TypedResults.File(AlertCsv.Write(documents), AlertCsv.ContentType, $"alerts-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.csv")
            : TypedResults.Ok<IReadOnlyList<AlertDocument>>(documents);
    }

    /// <summary>The same query with the cursor of the next page, relative to this server (RFC 8288 allows it).</summary>
    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => q.Key != "cursor")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"cursor={cursor}");
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }

    /// <summary>The current figures of the funds the page's budget alerts are about, one grain call per fund.</summary>
    private static async Task<Dictionary<(string Level, string Id), AlertFundNow?>> FundsNowAsync(
        IEnumerable<Alert> alerts, FundRegistry registry, IGrainFactory grains)
    {
        var subjects = alerts.Where(a => a.Kind is AlertKinds.BudgetPace or AlertKinds.BudgetExhausted)
            .Select(a => (Level: a.SubjectLevel, Id: a.SubjectId))
            .Where(s => FundLevel.IsValid(s.Level) && FundAccountProfile.Find(s.Level, s.Id, registry) is not null)
            .Distinct()
            .ToList();
        var statuses = await Task.WhenAll(subjects.Select(s => grains.GetFundAccount(s.Level, s.Id).GetStatusAsync()));
        return subjects.Zip(statuses).ToDictionary(p => p.First, p => AlertFundNow.Of(p.Second));
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
