using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Dashboard.Alerts;
using Monitoring.Dashboard.Input;
using Monitoring.Dashboard.Security;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Cases;

/// <summary>
/// Inspection cases over REST (<c>contracts/README.md</c> § Endpoints): the list, one case with its history, the
/// workflow's actions, opening a case on an alert, and the regulator's summary. Every read and every action is checked
/// against the caller's scope here; a case outside it does not exist for the caller (404).
/// </summary>
public static class CasesApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").RequireAuthorization(MonitoringPolicies.Reader).WithTags("Cases");
        cases.MapGet("", ListAsync)
            .WithSummary("The case list in the caller's scope: one case per hospital, kind and period (a split-hospitalization case per hospital and settlement month)")
            .WithDescription("Filters: status, countyId, hospitalId, owner, kind, period (YYYY-MM). sort: newest (default), amount, age, or risk (the work queue: "
                + "severity critical > warning > notice, then the largest amount at stake). Each line carries hospitalName, kind, period, itemCount (items that stand), "
                + "firstDay/lastDay (settlement days of its items) and amountAtStake; times (openedAt, dueAt) are settlement time. Pages by the Link header's cursor.");
        cases.MapGet("/summary", SummaryAsync)
            .WithSummary("Cases, amounts at stake and recovered by county and status, of the cases opened in the fund year in force (or year=YYYY)");
        cases.MapGet("/{id}", GetAsync)
            .WithSummary("One case with its line items (items: each pair or example with atStake, basis, disposition, amount, sampled), claims, alerts, history and the caller's allowed actions");
        cases.MapPost("/{id}/actions", ActAsync)
            .WithSummary("Moves a case: take, assign, ask-hospital, answer, review, confirm, dismiss, appeal, decide-appeal, note, dispose-item, sample")
            .WithDescription("dispose-item: {itemId, outcome: confirm|dismiss, amount?} (the owner, before the decision; amount defaults to the item's atStake). "
                + "sample: {sample: {method: random|threshold|variance, share (0..1, random), seed? (random; recorded in the history line), threshold (yuan), sigma? (variance, default 2)}} "
                + "marks the drawn items sampled. confirm without an amount recovers the sum of the items confirmed.");
        cases.MapPost("", OpenAsync)
            .WithSummary("Opens a case by hand on an alert (inspectors and regulators)");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseDocument>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ICaseStore store, IAlertStore alertStore, RegistryCatalog catalog, SettlementClock clock,
        string? status, string? countyId, string? hospitalId, string? owner, string? kind, string? sort, string? limit, string? cursor, string? period)
    {
        var errors = new List<string>();
        if (status is { Length: > 0 } && !CaseStatus.IsValid(status))
        {
            errors.Add($"status \"{status}\" is not one of {string.Join(", ", CaseStatus.All)}");
        }

        CaseSort order = CaseSort.Newest;
        if (sort is { Length: > 0 } && !TryParseSort(sort, out order))
        {
            errors.Add($"sort \"{sort}\" is not one of newest, amount, age, risk");
        }

        var count = DefaultLimit;
        if (limit is { Length: > 0 } && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            errors.Add($"limit \"{limit}\" must be a whole number from 1 to {MaxLimit}");
        }

        if (period is { Length: > 0 } && !DateOnly.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"period \"{period}\" must be a settlement month written YYYY-MM");
        }

        CaseCursor? after = null;
        if (cursor is { Length: > 0 } && (after = CaseCursor.Decode(cursor)) is null)
        {
            errors.Add("cursor is not one this server gave out; take it from the Link header of the previous page");
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Bad case query");
        }

        var scope = CallerScope.Of(http.User)!;
        var registry = await catalog.CurrentAsync();
        var query = new CaseQuery(scope, NullIfEmpty(status), NullIfEmpty(countyId), NullIfEmpty(hospitalId), NullIfEmpty(owner),
            NullIfEmpty(kind), order, count + 1, after, NullIfEmpty(period));
        var page = await store.QueryAsync(query, http.RequestAborted);
        if (page.Count > count)
        {
            page = [.. page.Take(count)];
            http.Response.Headers.Link = $"<{NextPage(http.Request, CaseCursor.After(page[^1]).Encode())}>; rel=\"next\"";
        }

        var now = await clock.NowAsync(http.RequestAborted);
        var documents = new List<CaseDocument>(page.Count);
        foreach (var c in page)
        {
            // A hospital's line says no more than its alerts do (a split pair across two members); others read it as stored.
            var alerts = scope.Role == AccessScope.HospitalRole ? await AlertsOfAsync(c, alertStore, http.RequestAborted) : null;
            documents.Add(CaseDocument.Of(c, scope, NameOf(c.HospitalId, registry), now, alerts));
        }

        return TypedResults.Ok<IReadOnlyList<CaseDocument>>(documents);
    }

    private static async Task<IReadOnlyList<Alert>> AlertsOfAsync(InspectionCase c, IAlertStore alerts, CancellationToken cancellationToken)
    {
        var found = new List<Alert>(c.AlertIds.Length);
        foreach (var alertId in c.AlertIds)
        {
            if (await alerts.FindAsync(alertId, cancellationToken) is { } alert)
            {
                found.Add(alert);
            }
        }

        return found;
    }

    private static async Task<Results<Ok<CaseDocument>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, CaseDesk desk, IClaimsLedger ledger, IAlertStore alerts, RegistryCatalog catalog, SettlementClock clock)
    {
        var actor = ReaderOf(http.User);
        if (await desk.GetAsync(id, actor.Scope, http.RequestAborted) is not { } c)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await FullAsync(c, actor, desk, ledger, alerts, await catalog.CurrentAsync(), await clock.NowAsync(http.RequestAborted), http.RequestAborted));
    }

    private static async Task<Results<Ok<CaseDocument>, ProblemHttpResult>> ActAsync(
        string id, HttpContext http, CaseDesk desk, IClaimsLedger ledger, IAlertStore alerts, RegistryCatalog catalog, SettlementClock clock)
    {
        if (ActorOf(http.User) is not { } actor)
        {
            return NoSubject();
        }

        var (request, error) = await JsonBody.ReadAsync<CaseActionRequest>(http.Request);
        if (request is null)
        {
            return TypedResults.Problem(error, statusCode: 400, title: "Bad case action");
        }

        if (request.Action is not { Length: > 0 } action)
        {
            return TypedResults.Problem($"action is required: one of {string.Join(", ", CaseActions.Requestable)}", statusCode: 400, title: "Bad case action");
        }

        var move = await desk.ActAsync(id, new CaseCommand(action, request.Note, request.Assignee, request.Amount, request.Documents, request.Outcome, request.ItemId, request.Sample),
            actor, http.RequestAborted);
        if (move is null)
        {
            return NotFound(id);
        }

        if (move.Kind != CaseMoveKind.Moved)
        {
            var refused = move.Kind == CaseMoveKind.Refused;
            return TypedResults.Problem(move.Error, statusCode: refused ? 409 : 400,
                title: refused ? "Move not allowed" : "Bad case action",
                extensions: new Dictionary<string, object?> { ["allowed"] = move.Allowed });
        }

        return TypedResults.Ok(await FullAsync(move.Case!, actor, desk, ledger, alerts, await catalog.CurrentAsync(), await clock.NowAsync(http.RequestAborted), http.RequestAborted));
    }

    private static async Task<Results<Created<CaseDocument>, ProblemHttpResult>> OpenAsync(
        HttpContext http, CaseDesk desk, IClaimsLedger ledger, IAlertStore alerts, RegistryCatalog catalog, SettlementClock clock)
    {
        if (ActorOf(http.User) is not { } actor)
        {
            return NoSubject();
        }

        var (request, error) = await JsonBody.ReadAsync<OpenCaseRequest>(http.Request);
        if (request is null || request.AlertId is not { Length: > 0 } alertId)
        {
            return TypedResults.Problem(error ?? "alertId is required: the alert to open a case on", statusCode: 400, title: "Bad case opening");
        }

        var registry = await catalog.CurrentAsync();
        var outcome = await desk.OpenOnAlertAsync(alertId, actor, request.Note, alert => actor.Scope.CanSeeCounty(alert.CountyId, registry), http.RequestAborted);
        if (outcome.Case is not { } opened || !outcome.Opened)
        {
            return TypedResults.Problem(outcome.Error, statusCode: outcome.Status, title: "Case not opened",
                extensions: outcome.Case is { } existing ? new Dictionary<string, object?> { ["caseId"] = existing.CaseId } : null);
        }

        var document = await FullAsync(opened, actor, desk, ledger, alerts, registry, await clock.NowAsync(http.RequestAborted), http.RequestAborted);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(opened.CaseId)}", document);
    }

    private static async Task<Results<Ok<CaseSummaryDocument>, ProblemHttpResult>> SummaryAsync(
        HttpContext http, ICaseStore store, RegistryCatalog catalog, string? year)
    {
        // The fund year in force (the registry's), not the wall clock's: a replayed or looping year is the one shown.
        var fundYear = (await catalog.CurrentAsync()).FundYear;
        if (year is { Length: > 0 } && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out fundYear) || fundYear is < 2000 or > 2100))
        {
            return TypedResults.Problem($"year \"{year}\" must be a year from 2000 to 2100", statusCode: 400, title: "Bad case summary query");
        }

        var scope = CallerScope.Of(http.User)!;
        var tallies = await store.TallyAsync(scope, new DateTimeOffset(fundYear, 1, 1, 0, 0, 0, ChinaOffset), http.RequestAborted);
        var ofYear = tallies.Sum(t => t.RecoveredThisYear);
        return TypedResults.Ok(new CaseSummaryDocument(fundYear, tallies, tallies.Sum(t => t.Cases),
            tallies.Where(t => CaseStatus.IsActive(t.Status)).Sum(t => t.Cases), tallies.Sum(t => t.AmountAtStake), ofYear));
    }

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static async Task<CaseDocument> FullAsync(InspectionCase c, CaseActor actor, CaseDesk desk, IClaimsLedger ledger, IAlertStore alerts,
        FundRegistry registry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claims = await ledger.ReadClaimsAsync(c.ClaimIds, cancellationToken);
        // A split pair may span two members of an alliance: a hospital sees the stays at its own house only.
        var visible = actor.IsHospital ? claims.Where(cl => cl.Entry.Movement.HospitalId == actor.Scope.Id) : claims;
        var caseAlerts = await AlertsOfAsync(c, alerts, cancellationToken);
        return CaseDocument.Full(c, actor.Scope, NameOf(c.HospitalId, registry), now, CaseWorkflow.AllowedActions(c, actor, now, desk.Rules),
            [.. visible.OrderBy(cl => cl.Entry.Claim.AdmissionDate).Select(cl => CaseClaimDocument.Of(cl, NameOf(cl.Entry.Movement.HospitalId, registry)))],
            caseAlerts);
    }

    /// <summary>
    /// Who works the case: the token's subject. A token without one is refused for case work (<see cref="NoSubject"/>):
    /// every such token would act under one shared name, and ownership ("only the owner decides") would mean nothing.
    /// </summary>
    private static CaseActor? ActorOf(ClaimsPrincipal user) =>
        CallerSubject.Of(user) is { } name ? new CaseActor(CallerScope.Of(user)!, name) : null;

    /// <summary>A reader needs no name: what it may see depends on its scope alone.</summary>
    private static CaseActor ReaderOf(ClaimsPrincipal user) => ActorOf(user) ?? new CaseActor(CallerScope.Of(user)!, "");

    private static ProblemHttpResult NoSubject() => TypedResults.Problem(CallerSubject.Missing, statusCode: 403, title: "Token without a subject");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"no case {id} in your scope (案件不存在或不在权限范围内)", statusCode: 404, title: "No such case");

    private static string? NameOf(string hospitalId, FundRegistry registry) =>
        registry.Hospitals.TryGetValue(hospitalId, out var h) ? h.Hospital.Name : null;

    private static bool TryParseSort(string text, out CaseSort sort)
    {
        sort = text switch
        {
            "newest" => CaseSort.Newest,
            "amount" => CaseSort.Amount,
            "age" => CaseSort.Age,
            "risk" => CaseSort.Risk,
            _ => (CaseSort)(-1),
        };
        return Enum.IsDefined(sort);
    }

    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => q.Key != "cursor").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"cursor={Uri.EscapeDataString(cursor)}");
        return $"{request.Path}?{string.Join("&", query)}";
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
