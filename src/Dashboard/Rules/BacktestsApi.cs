using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Backtest;
using Monitoring.Claims;
using Monitoring.Dashboard.Input;
using Monitoring.Dashboard.Security;
using Monitoring.Registry;
using Monitoring.Rules;

namespace Monitoring.Dashboard.Rules;

/// <summary>
/// 回溯测试 over HTTP: <c>POST /api/backtests</c> tries a draft over a period of the ledger, <c>GET
/// /api/backtests/{id}</c> reads how it stands. Who may backtest a draft is who may publish it: admin, or a regulator
/// for the draft's scope (<see cref="RuleScopes.MayChange"/>); the same reads the outcome.
/// </summary>
public static class BacktestsApi
{
    /// <summary>A fund year, a leap day included: the longest period anyone settles accounts over.</summary>
    public const int MaxDays = 366;

    public static IEndpointRouteBuilder MapBacktestsApi(this IEndpointRouteBuilder app)
    {
        var backtests = app.MapGroup("/api/backtests").RequireAuthorization(MonitoringPolicies.Reader).WithTags("Rules");
        backtests.MapPost("/", StartAsync).Accepts<BacktestBody>("application/json");
        backtests.MapGet("/{backtestId}", ReadAsync);
        return app;
    }

    private static async Task<Results<Accepted<BacktestStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        HttpContext http, IGrainFactory grains, RegistryCatalog catalog, TimeProvider clock)
    {
        var (body, error) = await JsonBody.ReadAsync<BacktestBody>(http.Request);
        if (body is null)
        {
            return TypedResults.Problem(error, statusCode: 400, title: "Bad backtest");
        }

        if (Invalid(body, BudgetClock.BudgetDate(clock.GetUtcNow())) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "Bad backtest");
        }

        var library = await grains.GetGrain<IRuleLibraryGrain>(0).GetAsync();
        if (library.Rule(body.RuleId!) is not { } rule)
        {
            return TypedResults.Problem($"no rule \"{body.RuleId}\"; the library has {string.Join(", ", library.Rules.Select(r => r.RuleId))}", statusCode: 404, title: "No such rule");
        }

        if (library.Version(rule.RuleId, body.Version!.Value) is not { } version)
        {
            return TypedResults.Problem($"no version {body.Version} of \"{rule.RuleId}\"", statusCode: 404, title: "No such version");
        }

        var caller = CallerScope.Of(http.User)!;
        if (RulesApi.Refusal(caller, version.Scope, await catalog.CurrentAsync()) is { } refused)
        {
            return refused;
        }

        var backtestable = library.Rules.Where(r => r.ReadAtRunTime).Select(r => r.RuleId).ToArray();
        if (!rule.ReadAtRunTime || version.Status != RuleStatus.Draft)
        {
            return TypedResults.ValidationProblem(!rule.ReadAtRunTime
                ? new Dictionary<string, string[]> { ["ruleId"] = [$"{rule.RuleId} is not judged from the library yet, so a draft of it would change nothing; backtests try {string.Join(", ", backtestable)}"] }
                : new Dictionary<string, string[]> { ["version"] = [$"version {version.Version} of {rule.RuleId} is {version.Status}; a backtest tries a draft beside the rules in force"] },
                title: "Bad backtest");
        }

        if (rule.RuleId == RuleIds.BudgetPace && body.From!.Value.Year != body.To!.Value.Year)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["to"] = [$"a budget-pace backtest covers one fund year, whose budget the pace is judged against: to ({body.To:yyyy-MM-dd}) must be in {body.From.Value.Year}, as from is"],
            }, title: "Bad backtest");
        }

        var id = $"bt-{Guid.NewGuid():N}";
        var request = new BacktestRequest(rule.RuleId, version.Version, version.Scope, body.From!.Value, body.To!.Value, RulesApi.By(http, caller));
        await grains.GetGrain<IBacktestGrain>(id).StartAsync(request);
        return TypedResults.Accepted($"/api/backtests/{id}", new BacktestStarted(id));
    }

    private static async Task<Results<Ok<BacktestDocument>, ProblemHttpResult>> ReadAsync(string backtestId, HttpContext http, IGrainFactory grains, RegistryCatalog catalog)
    {
        var report = await grains.GetGrain<IBacktestGrain>(backtestId).GetAsync();
        if (report is null)
        {
            return TypedResults.Problem($"no backtest \"{backtestId}\"", statusCode: 404, title: "No such backtest");
        }

        return RulesApi.Refusal(CallerScope.Of(http.User)!, report.Request.Scope, await catalog.CurrentAsync()) is { } refused
            ? refused
            : TypedResults.Ok(BacktestDocument.Of(backtestId, report));
    }

    private static Dictionary<string, string[]> Invalid(BacktestBody body, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.RuleId))
        {
            errors["ruleId"] = ["ruleId is required: the rule whose draft is tried, e.g. split-hospitalization"];
        }

        if (body.Version is not > 0)
        {
            errors["version"] = ["version is required: the number of the draft to try (a positive whole number)"];
        }

        if (body.From is null)
        {
            errors["from"] = ["from is required: the first settlement date (YYYY-MM-DD) of the period"];
        }

        if (body.To is null)
        {
            errors["to"] = ["to is required: the last settlement date (YYYY-MM-DD) of the period"];
        }
        else if (body.To > today)
        {
            errors["to"] = [$"to ({body.To:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}): the ledger holds no later settlement"];
        }
        else if (body.From is { } from && body.To < from)
        {
            errors["to"] = [$"to ({body.To:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd})"];
        }
        else if (body.From is { } start && body.To.Value.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors["to"] = [$"the period is {body.To.Value.DayNumber - start.DayNumber + 1} days; a backtest covers at most {MaxDays}"];
        }

        return errors;
    }
}

public sealed record BacktestBody(
    [property: JsonPropertyName("ruleId")] string? RuleId,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("from")] DateOnly? From,
    [property: JsonPropertyName("to")] DateOnly? To);

public sealed record BacktestStarted([property: JsonPropertyName("backtestId")] string BacktestId);

/// <summary>A backtest as the API shows it: what was tried over which period, how far it is, and when done what changed.</summary>
public sealed record BacktestDocument(
    [property: JsonPropertyName("backtestId")] string BacktestId,
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("to")] DateOnly To,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("progress")] double Progress,
    [property: JsonPropertyName("claimsRead")] long ClaimsRead,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("finishedAt")] DateTimeOffset? FinishedAt,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("total")] BacktestTally? Total,
    [property: JsonPropertyName("byKind")] BacktestTally[]? ByKind,
    [property: JsonPropertyName("byCounty")] BacktestTally[]? ByCounty,
    [property: JsonPropertyName("byHospital")] BacktestTally[]? ByHospital,
    [property: JsonPropertyName("byMonth")] BacktestTally[]? ByMonth,
    [property: JsonPropertyName("examples")] BacktestExampleDocument[]? Examples,
    [property: JsonPropertyName("byFund"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BacktestTally[]? ByFund)
{
    public static BacktestDocument Of(string id, BacktestReport r) => new(id, r.Request.RuleId, r.Request.Version, r.Request.Scope, r.Request.From, r.Request.To,
        r.Request.By, r.Status, Math.Round(r.Progress, 3), r.RowsRead, r.StartedAt, r.FinishedAt, r.Error,
        r.Outcome?.Total, r.Outcome?.ByKind, r.Outcome?.ByCounty, r.Outcome?.ByHospital, r.Outcome?.ByMonth,
        r.Outcome?.Examples.Select(BacktestExampleDocument.Of).ToArray(),
        // The accounts above a hospital are only ever subjects of budget findings.
        r.Request.RuleId == RuleIds.BudgetPace && r.Outcome is { } outcome ? outcome.ByFund ?? [] : null);
}

/// <summary>
/// An example as the API shows it: a split pair with its claims and days, a budget alert with its account and the
/// figures of its day; what does not apply to the kind is left out rather than sent empty.
/// </summary>
public sealed record BacktestExampleDocument(
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("knownOn")] DateOnly KnownOn,
    [property: JsonPropertyName("countyId")] string? CountyId,
    [property: JsonPropertyName("hospitalId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HospitalId,
    [property: JsonPropertyName("hospitalName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HospitalName,
    [property: JsonPropertyName("firstClaimId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FirstClaimId,
    [property: JsonPropertyName("secondClaimId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SecondClaimId,
    [property: JsonPropertyName("firstDischarge"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? FirstDischarge,
    [property: JsonPropertyName("secondAdmission"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? SecondAdmission,
    [property: JsonPropertyName("intervalDays"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IntervalDays,
    [property: JsonPropertyName("level"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Level,
    [property: JsonPropertyName("accountId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccountId,
    [property: JsonPropertyName("accountName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccountName,
    [property: JsonPropertyName("transition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Transition,
    [property: JsonPropertyName("fundPaid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? FundPaid,
    [property: JsonPropertyName("usedShare"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? UsedShare,
    [property: JsonPropertyName("timeShare"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? TimeShare,
    [property: JsonPropertyName("gapPoints"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? GapPoints)
{
    public static BacktestExampleDocument Of(BacktestExample e) => e.Budget is { } b
        ? new(e.Change, e.Kind, e.Severity, e.KnownOn, e.CountyId, b.Level == FundLevel.Hospital ? b.AccountId : null, b.Level == FundLevel.Hospital ? e.HospitalName : null,
            null, null, null, null, null, b.Level, b.AccountId, e.HospitalName, b.Transition, b.FundPaid, b.UsedShare, b.TimeShare, b.GapPoints)
        : new(e.Change, e.Kind, e.Severity, e.KnownOn, e.CountyId, e.HospitalId, e.HospitalName,
            e.FirstClaimId, e.SecondClaimId, e.FirstDischarge, e.SecondAdmission, e.IntervalDays, null, null, null, null, null, null, null, null);
}
