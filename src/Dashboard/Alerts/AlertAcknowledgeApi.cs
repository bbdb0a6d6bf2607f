using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Dashboard.Push;
using Monitoring.Dashboard.Security;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Alerts;

/// <summary>
/// <c>POST /api/alerts/{id}/acknowledge</c> with an optional <c>{"note": "..."}</c>: a regulator or inspector for an alert
/// in their scope, a hospital for its own. Records who (the token's subject) and when, keeps the first acknowledgement
/// (a second is 409 naming it), and pushes the alert as it now reads. An alert the caller may not see is 404, as if it
/// did not exist: a hospital learns nothing of another's alerts, not even that they exist.
/// </summary>
public static class AlertAcknowledgeApi
{
    public const int MaxNoteLength = 500;
    private const string Suffix = "/acknowledge";

    /// <summary>Maps the action on the <c>/api/alerts</c> group, which carries the authorization.</summary>
    public static RouteGroupBuilder MapAlertAcknowledgeApi(this RouteGroupBuilder app)
    {
        // Alert ids hold slashes (kind/level/subject/day/transition): the id is everything before the last segment,
        // sent as is or percent-encoded.
        app.MapPost("/{**path}", AcknowledgeAsync);
        return app;
    }

    private static async Task<Results<Ok<AlertDocument>, ProblemHttpResult>> AcknowledgeAsync(
        string path, HttpContext http, RegistryCatalog catalog, IAlertStore store, IGrainFactory grains, SettlementClock clock)
    {
        if (!path.EndsWith(Suffix, StringComparison.Ordinal) || path.Length == Suffix.Length)
        {
            return TypedResults.Problem($"POST /api/alerts/{{id}}/acknowledge is the only action on an alert; \"{path}\" is not one",
                statusCode: 404, title: "No such action");
        }

        var alertId = Uri.UnescapeDataString(path[..^Suffix.Length]);
        var scope = CallerScope.Of(http.User)!;
        if (scope.Role is not (AccessScope.Regulator or AccessScope.Inspector or AccessScope.HospitalRole))
        {
            return TypedResults.Problem($"role {scope.Role} may not acknowledge alerts; regulators, inspectors and hospitals may",
                statusCode: 403, title: "Not your role");
        }

        if (CallerSubject.Of(http.User) is not { } by)
        {
            return TypedResults.Problem(CallerSubject.Missing, statusCode: 403, title: "Token without a subject");
        }

        var (note, error) = await ReadNoteAsync(http.Request);
        if (error is not null)
        {
            return TypedResults.Problem(error, statusCode: 400, title: "Bad acknowledgement");
        }

        var alert = await store.FindAsync(alertId, http.RequestAborted);
        var registry = await catalog.CurrentAsync();
        if (alert is null || !MayAcknowledge(scope, alert, registry))
        {
            return TypedResults.Problem($"no alert \"{alertId}\" in your scope", statusCode: 404, title: "No such alert");
        }

        var outcome = await store.AcknowledgeAsync(alertId, new AlertAcknowledgement(by, await clock.NowAsync(http.RequestAborted), note, scope.Role), http.RequestAborted);
        if (!outcome.Changed)
        {
            // A hospital is told that an official acknowledged, by role, not who.
            var first = scope.Role == AccessScope.HospitalRole
                ? HospitalAlertView.AcknowledgementOf(outcome.Alert!.Acknowledged)!
                : outcome.Alert!.Acknowledged!;
            return TypedResults.Problem($"already acknowledged by {first.By} at {first.At:O}", statusCode: 409, title: "Already acknowledged");
        }

        // Pushed as it now reads through the door's delivery, which marks it pushed; a poke lost here is swept up.
        grains.GetGrain<IAlertDeliveryGrain>(0).DeliverAsync().Ignore();
        return TypedResults.Ok(AlertDocument.For(scope, outcome.Alert!));
    }

    /// <summary>Regulators and inspectors within their region or county; a hospital for alerts about itself only.</summary>
    private static bool MayAcknowledge(AccessScope scope, Alert alert, FundRegistry registry) =>
        scope.Role == AccessScope.HospitalRole
            ? alert.HospitalId is not null && alert.HospitalId == scope.Id
            : scope.CanSeeCounty(alert.CountyId, registry);

    private static async Task<(string? Note, string? Error)> ReadNoteAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Body.CanSeek && request.ContentType is null))
        {
            return (null, null);
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, $"the body must be a JSON object like {{\"note\": \"...\"}} or empty: {e.Message}");
        }

        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "the body must be a JSON object like {\"note\": \"...\"} or empty");
            }

            if (StorableText.Problem(body.RootElement) is { } problem)
            {
                return (null, problem);
            }

            if (!body.RootElement.TryGetProperty("note", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return (null, null);
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                return (null, "note must be a string");
            }

            var note = value.GetString()!.Trim();
            return note.Length > MaxNoteLength
                ? (null, $"note is {note.Length} characters; at most {MaxNoteLength}")
                : (note.Length == 0 ? null : note, null);
        }
    }
}
