using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Monitoring.Access;
using Monitoring.Assessment;
using Monitoring.Dashboard.Security;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Registry;
using Monitoring.Settlements;

namespace Monitoring.Dashboard.Settlements;

/// <summary>
/// The package's calendar and its assessment: an account's statements (按月预结、综合决算) as JSON, a printable page or
/// .xlsx; the live indicators of a county or an alliance; and the three-level review (自评 → 初评 → 终评) of an alliance.
/// All are drawn from the ledger's standing books for the fund year in force, so they read the same after any replay.
/// </summary>
public static class SettlementsApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapSettlementsApi(this IEndpointRouteBuilder app)
    {
        var settlements = app.MapGroup("/api/settlements").RequireAuthorization(MonitoringPolicies.Reader).WithTags("Settlements");
        settlements.MapGet("/{level}/{id}", GetStatementAsync)
            .WithSummary("An alliance's or hospital's monthly pre-settlements and final settlement: JSON, .xlsx (format=xlsx) or a printable page (format=html, lang=zh|en)");
        var assessment = app.MapGroup("/api/assessment").RequireAuthorization(MonitoringPolicies.Reader).WithTags("Assessment");
        assessment.MapGet("/{level}/{id}", GetAssessmentAsync)
            .WithSummary("The assessment indicators (考核指标) of a county or an alliance, live, with targets, status, monthly trend and score; an alliance's review so far: JSON, or a printable page (format=html, lang=zh|en)");
        assessment.MapPost("/alliance/{id}/steps", PostStepAsync)
            .WithSummary("Takes one step of an alliance's review: self-assessment (lead hospital), county-review (county regulator), prefecture-decision (prefecture regulator)");
        return app;
    }

    private static async Task<IResult> GetStatementAsync(
        string level, string id, string? format, string? lang, HttpContext http, RegistryCatalog catalog, IPackageLedger books,
        IGrainFactory grains, IOptions<PackageOptions> package, IOptions<YearEndOptions> yearEnd, CancellationToken cancellationToken)
    {
        var registry = await catalog.CurrentAsync();
        var errors = new List<string>();
        if (level is not (FundLevel.Alliance or FundLevel.Hospital))
        {
            errors.Add($"level \"{level}\" must be alliance or hospital: statements are drawn for the accounts the fund pays");
        }

        if (format is not (null or "" or "json" or "xlsx" or "html"))
        {
            errors.Add($"format \"{format}\" is not one of json, xlsx, html");
        }

        if (lang is not (null or "" or "zh" or "en"))
        {
            errors.Add($"lang \"{lang}\" is not one of zh, en");
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Invalid statement query");
        }

        if (PackageAccount.Find(level, id, registry) is not { } account)
        {
            return NotFound(level, id, registry);
        }

        if (Refusal(http, level, id, registry) is { } refused)
        {
            return refused;
        }

        var review = AllianceOf(account, registry) is { } allianceId
            ? await grains.GetGrain<IAssessmentGrain>(AssessmentGrainKeys.Of(allianceId, registry.FundYear)).GetAsync()
            : null;
        var cells = await books.CellsAsync([.. registry.Hospitals.Keys], registry.FundYear, cancellationToken);
        var statement = PackageSettlement.Statement(account, registry, cells, package.Value, yearEnd.Value, review?.DecidedScore);
        var document = SettlementDocument.Of(statement, review?.Status);
        return format switch
        {
            "xlsx" => TypedResults.File(await SettlementWorkbook.WriteAsync(document, cancellationToken), XlsxType,
                $"结算单-{document.Id}-{document.FundYear}.xlsx"),
            "html" => TypedResults.Content(SettlementPage.Render(document, lang == "en"), "text/html", Encoding.UTF8),
            _ => TypedResults.Ok(document),
        };
    }

    private static async Task<IResult> GetAssessmentAsync(
        string level, string id, string? format, string? lang, HttpContext http, RegistryCatalog catalog, IPackageLedger books, IGrainFactory grains,
        IOptions<PackageOptions> package, CancellationToken cancellationToken)
    {
        var registry = await catalog.CurrentAsync();
        var errors = new List<string>();
        if (level is not (FundLevel.County or FundLevel.Alliance))
        {
            errors.Add($"level \"{level}\" must be county or alliance: the assessment is of a county or an alliance");
        }

        if (format is not (null or "" or "json" or "html"))
        {
            errors.Add($"format \"{format}\" is not one of json, html");
        }

        if (lang is not (null or "" or "zh" or "en"))
        {
            errors.Add($"lang \"{lang}\" is not one of zh, en");
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Invalid assessment query");
        }

        if (FundAccountProfile.Find(level, id, registry) is not { } profile)
        {
            return NotFound(level, id, registry);
        }

        if (Refusal(http, level, id, registry) is { } refused)
        {
            return refused;
        }

        var reading = await ReadAsync(level, id, registry, books, package.Value, cancellationToken);
        AssessmentRecord? review = null;
        if (level == FundLevel.Alliance)
        {
            var record = await grains.GetGrain<IAssessmentGrain>(AssessmentGrainKeys.Of(id, registry.FundYear)).GetAsync();
            review = AssessmentWorkflow.ViewFor(CallerScope.Of(http.User)!, record);
        }

        var document = new AssessmentDocument(level, id, profile.Name, reading.CountyId, reading.FundYear, reading.MonthsCounted, reading.Score,
            reading.Indicators, level == FundLevel.Alliance ? AssessmentWorkflow.LeadOf(id, registry) : null, review, review?.DecidedScore);
        return format == "html"
            ? TypedResults.Content(AssessmentPage.Render(document, lang == "en"), "text/html", Encoding.UTF8)
            : TypedResults.Ok(document);
    }

    private static async Task<IResult> PostStepAsync(
        string id, HttpContext http, RegistryCatalog catalog, IPackageLedger books, IGrainFactory grains, IOptions<PackageOptions> package,
        SettlementClock clock, CancellationToken cancellationToken)
    {
        var registry = await catalog.CurrentAsync();
        var (stage, score, notes, errors) = await ReadStepAsync(http.Request, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", errors), statusCode: 400, title: "Invalid assessment step");
        }

        if (!registry.Alliances.ContainsKey(id))
        {
            return NotFound(FundLevel.Alliance, id, registry);
        }

        var scope = CallerScope.Of(http.User)!;
        if (!SettlementAccess.CanSee(scope, FundLevel.Alliance, id, registry))
        {
            return Outside(scope, FundLevel.Alliance, id);
        }

        var reading = await ReadAsync(FundLevel.Alliance, id, registry, books, package.Value, cancellationToken);
        var actor = http.User.FindFirstValue("sub") is { Length: > 0 } name ? name : $"{scope.Role}@{scope.ScopeText}";
        var outcome = await grains.GetGrain<IAssessmentGrain>(AssessmentGrainKeys.Of(id, registry.FundYear)).ActAsync(
            new AssessmentCommand(stage!, scope.Role, scope.ScopeText, actor, score!.Value, notes, reading.Score, await clock.NowAsync(cancellationToken)));
        return outcome.Succeeded
            ? TypedResults.Ok(AssessmentWorkflow.ViewFor(scope, outcome.Record))
            : TypedResults.Problem(outcome.Error, statusCode: outcome.StatusCode,
                title: outcome.StatusCode == 403 ? "Not your step" : "Not the step's turn");
    }

    /// <summary>The step's fields, each problem naming its field: stage (one of the three), score (0–100), notes (optional text).</summary>
    private static async Task<(string? Stage, decimal? Score, string? Notes, List<string> Errors)> ReadStepAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            errors.Add($"body is not JSON: {e.Message}");
            return (null, null, null, errors);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body must be a JSON object with stage, score and notes");
            return (null, null, null, errors);
        }

        string? stage = null;
        if (!body.TryGetProperty("stage", out var s) || s.ValueKind != JsonValueKind.String || !AssessmentStage.All.Contains(s.GetString()))
        {
            errors.Add($"stage is required: one of {string.Join(", ", AssessmentStage.All)}");
        }
        else
        {
            stage = s.GetString();
        }

        decimal? score = null;
        var scoreUnreadable = false;
        if (body.TryGetProperty("score", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            if (n.ValueKind == JsonValueKind.Number && n.TryGetDecimal(out var value))
            {
                score = value;
            }
            else
            {
                scoreUnreadable = true;
                errors.Add($"score must be a number from 0 to 100, not {n.ValueKind.ToString().ToLowerInvariant()}");
            }
        }

        string? notes = null;
        if (body.TryGetProperty("notes", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            if (t.ValueKind == JsonValueKind.String)
            {
                notes = t.GetString();
            }
            else
            {
                errors.Add("notes must be a string");
            }
        }

        errors.AddRange(AssessmentWorkflow.Problems(score, notes).Where(p => !scoreUnreadable || !p.StartsWith("score", StringComparison.Ordinal)));
        return (stage, score, notes, errors);
    }

    private static async Task<AssessmentReading> ReadAsync(string level, string id, FundRegistry registry, IPackageLedger books,
        PackageOptions package, CancellationToken cancellationToken)
    {
        var cells = await books.CellsAsync([.. registry.Hospitals.Keys], registry.FundYear, cancellationToken);
        var countyId = level == FundLevel.County ? id : registry.Alliances[id].County.CountyId;
        var monthsCounted = cells.Count == 0 ? 0 : cells.Max(c => c.Month);
        return AssessmentIndicators.Read(level, id, registry, cells, package.For(countyId), monthsCounted);
    }

    /// <summary>The alliance whose assessment decides an account's reserve: the alliance itself, or a hospital's own.</summary>
    private static string? AllianceOf(PackageAccount account, FundRegistry registry) => account.Level == FundLevel.Alliance
        ? account.Id
        : registry.Hospitals[account.Id].Hospital.AllianceId;

    private static ProblemHttpResult? Refusal(HttpContext http, string level, string id, FundRegistry registry)
    {
        var scope = CallerScope.Of(http.User)!;
        return SettlementAccess.CanSee(scope, level, id, registry) ? null : Outside(scope, level, id);
    }

    private static ProblemHttpResult Outside(AccessScope scope, string level, string id) =>
        TypedResults.Problem($"{level} {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");

    private static ProblemHttpResult NotFound(string level, string id, FundRegistry registry) =>
        TypedResults.Problem($"no {level} \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such account");
}
