using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Dashboard.Input;
using Monitoring.Dashboard.Security;
using Monitoring.Registry;
using Monitoring.Rules;

namespace Monitoring.Dashboard.Rules;

/// <summary>
/// The rule library (规则库) over HTTP: <c>GET /api/rules</c>, <c>GET /api/rules/{ruleId}</c>, <c>POST
/// /api/rules/{ruleId}/drafts</c> and <c>POST /api/rules/{ruleId}/versions/{version}/publish</c> or <c>…/retire</c>. Published versions
/// are policy and every reader sees them; drafts are the regulators' working papers, shown to admin and to a
/// regulator for the scopes it may change. Who may draft and publish is <see cref="RuleScopes.MayChange"/>.
/// </summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/rules").RequireAuthorization(MonitoringPolicies.Reader).WithTags("Rules");
        rules.MapGet("/", ListAsync);
        rules.MapGet("/{ruleId}", ReadAsync);
        // Bodies are read by JsonBody, as every body of the dashboard is (text that cannot be stored, quoted numbers).
        rules.MapPost("/{ruleId}/drafts", DraftAsync).Accepts<DraftBody>("application/json");
        rules.MapPost("/{ruleId}/versions/{version:int}/publish", (string ruleId, int version, HttpContext http, IGrainFactory grains, RegistryCatalog catalog) =>
            ChangeAsync(ruleId, version, RuleActions.Publish, http, grains, catalog)).Accepts<PublishBody>("application/json");
        // Retiring ends a county's or region's own version: its scope falls back to what is in force beneath it.
        rules.MapPost("/{ruleId}/versions/{version:int}/retire", (string ruleId, int version, HttpContext http, IGrainFactory grains, RegistryCatalog catalog) =>
            ChangeAsync(ruleId, version, RuleActions.Retire, http, grains, catalog)).Accepts<PublishBody>("application/json");
        return app;
    }

    private static async Task<Ok<RuleDocument[]>> ListAsync(HttpContext http, IGrainFactory grains, RegistryCatalog catalog)
    {
        var (scope, registry, library) = await LoadAsync(http, grains, catalog);
        return TypedResults.Ok(library.Rules.Select(r => RuleDocument.Of(r, library, scope, registry)).ToArray());
    }

    private static async Task<Results<Ok<RuleDocument>, ProblemHttpResult>> ReadAsync(string ruleId, HttpContext http, IGrainFactory grains, RegistryCatalog catalog)
    {
        var (scope, registry, library) = await LoadAsync(http, grains, catalog);
        return library.Rule(ruleId) is { } rule
            ? TypedResults.Ok(RuleDocument.Of(rule, library, scope, registry))
            : TypedResults.Problem($"no rule \"{ruleId}\"; the library has {string.Join(", ", library.Rules.Select(r => r.RuleId))}", statusCode: 404, title: "No such rule");
    }

    private static async Task<Results<Created<VersionCreated>, ValidationProblem, ProblemHttpResult>> DraftAsync(
        string ruleId, HttpContext http, IGrainFactory grains, RegistryCatalog catalog)
    {
        var (body, error) = await JsonBody.ReadAsync<DraftBody>(http.Request);
        if (body is null)
        {
            return TypedResults.Problem(error, statusCode: 400, title: "Bad draft");
        }

        var scope = CallerScope.Of(http.User)!;
        var registry = await catalog.CurrentAsync();
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Scope))
        {
            missing["scope"] = ["scope is required: region:<id> or county:<id>"];
        }

        if (body.EffectiveFrom is null)
        {
            missing["effectiveFrom"] = ["effectiveFrom is required: the settlement date (YYYY-MM-DD) the version judges from"];
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            missing["reason"] = ["reason is required: why the rule changes"];
        }

        if (missing.Count > 0)
        {
            return TypedResults.ValidationProblem(missing, title: "Bad draft");
        }

        if (Refusal(scope, body.Scope!, registry) is { } refused)
        {
            return refused;
        }

        var reply = await grains.GetGrain<IRuleLibraryGrain>(0).DraftAsync(new RuleDraft(ruleId, body.Scope!, body.EffectiveFrom!.Value,
            body.Parameters ?? [], By(http, scope), body.Reason!, RuleScopes.IsScope(body.Scope!) ? RuleScopes.RegionOf(body.Scope!, registry) : null));
        if (reply.Errors.Length > 0)
        {
            return reply.Errors.Any(e => e.Field == "ruleId")
                ? TypedResults.Problem(reply.Errors[0].Message, statusCode: 404, title: "No such rule")
                : TypedResults.ValidationProblem(reply.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: "Bad draft");
        }

        return TypedResults.Created($"/api/rules/{ruleId}", new VersionCreated(reply.Version!.Value, RuleStatus.Draft));
    }

    /// <summary>Publishes or retires a version: the same who-may and the same optional body (a reason).</summary>
    private static async Task<Results<Ok<VersionCreated>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string ruleId, int version, string action, HttpContext http, IGrainFactory grains, RegistryCatalog catalog)
    {
        // The body is optional (a reason only); one that is there is checked like any other.
        PublishBody? body = null;
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            (body, var error) = await JsonBody.ReadAsync<PublishBody>(http.Request);
            if (body is null)
            {
                return TypedResults.Problem(error, statusCode: 400, title: "Bad publication");
            }
        }

        var scope = CallerScope.Of(http.User)!;
        var registry = await catalog.CurrentAsync();
        var library = grains.GetGrain<IRuleLibraryGrain>(0);
        if ((await library.GetAsync()).Version(ruleId, version) is not { } target)
        {
            return TypedResults.Problem($"no version {version} of \"{ruleId}\"", statusCode: 404, title: "No such version");
        }

        if (Refusal(scope, target.Scope, registry) is { } refused)
        {
            return refused;
        }

        var reply = action == RuleActions.Retire
            ? await library.RetireAsync(ruleId, version, By(http, scope), body?.Reason ?? "")
            : await library.PublishAsync(ruleId, version, By(http, scope), body?.Reason ?? "");
        return reply.Errors.Length > 0
            ? TypedResults.Problem(reply.Errors[0].Message, statusCode: 409, title: action == RuleActions.Retire ? "Cannot be retired" : "Not a draft")
            : TypedResults.Ok(new VersionCreated(version, action == RuleActions.Retire ? RuleStatus.Retired : RuleStatus.Published));
    }

    internal static ProblemHttpResult? Refusal(AccessScope caller, string scope, FundRegistry registry) =>
        caller.Role is not (AccessScope.Admin or AccessScope.Regulator)
            ? TypedResults.Problem($"role {caller.Role} may not change rules; admin and regulators may", statusCode: 403, title: "Not your role")
            : !RuleScopes.MayChange(caller, scope, registry)
                ? TypedResults.Problem($"scope {caller.ScopeText} may not change the rules of {scope}", statusCode: 403, title: "Not your scope")
                : null;

    internal static string By(HttpContext http, AccessScope scope) => $"{scope.Role}:{CallerSubject.Of(http.User) ?? scope.ScopeText}";

    private static async Task<(AccessScope Scope, FundRegistry Registry, RuleLibrary Library)> LoadAsync(HttpContext http, IGrainFactory grains, RegistryCatalog catalog) =>
        (CallerScope.Of(http.User)!, await catalog.CurrentAsync(), await grains.GetGrain<IRuleLibraryGrain>(0).GetAsync());
}

public sealed record DraftBody(
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("effectiveFrom")] DateOnly? EffectiveFrom,
    [property: JsonPropertyName("parameters")] Dictionary<string, decimal>? Parameters,
    [property: JsonPropertyName("reason")] string? Reason);

public sealed record PublishBody([property: JsonPropertyName("reason")] string? Reason);

public sealed record VersionCreated([property: JsonPropertyName("version")] int Version, [property: JsonPropertyName("status")] string Status);

/// <summary>One rule as the API shows it: what it is, its parameters, and the versions the caller may see.</summary>
public sealed record RuleDocument(
    [property: JsonPropertyName("rule")] RuleDefinition Rule,
    [property: JsonPropertyName("versions")] VersionDocument[] Versions)
{
    public static RuleDocument Of(RuleDefinition rule, RuleLibrary library, AccessScope caller, FundRegistry registry) => new(rule,
        [.. library.VersionsOf(rule.RuleId)
            .Where(v => v.Status != RuleStatus.Draft || (RuleScopes.MayReadDrafts(caller) && RuleScopes.MayChange(caller, v.Scope, registry)))
            .OrderByDescending(v => v.Version)
            .Select(VersionDocument.Of)]);
}

public sealed record VersionDocument(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("effectiveFrom")] DateOnly? EffectiveFrom,
    [property: JsonPropertyName("parameters")] Dictionary<string, decimal> Parameters,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("history")] RuleChange[] History)
{
    public static VersionDocument Of(RuleVersion v) => new(v.Version, v.Scope,
        v.EffectiveFrom == RuleCatalogue.Always ? null : v.EffectiveFrom, v.Parameters, v.Status,
        v.History[0].By, v.History[0].At, v.History[0].Reason, v.History);
}
