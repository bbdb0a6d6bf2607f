using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Dashboard.Security;
using Monitoring.Funds;
using Monitoring.Registry;
using Monitoring.Reports;

namespace Monitoring.Dashboard.Reports;

/// <summary>
/// <c>GET /api/reports/monthly/{level}/{id}?month=YYYY-MM&amp;format=json|xlsx|html</c>: the 基金运行分析月报 of a county
/// fund or an alliance within the caller's scope, as JSON, an .xlsx download, or a printable page.
/// </summary>
public static class MonthlyReportApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A county's alerts of a year are a few hundred; this bounds one report's read of them.</summary>
    private const int AlertReadLimit = 5_000;

    /// <summary>A county's cases are read in pages of this many (the case store's own order, by opening time).</summary>
    private const int CasePage = 500;

    public static IEndpointRouteBuilder MapMonthlyReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/monthly/{level}/{id}", GetReportAsync).RequireAuthorization(MonitoringPolicies.Reader)
            .WithTags("Reports")
            .WithSummary("The monthly fund-operation report (基金运行分析月报) of a county fund or an alliance: JSON, .xlsx (format=xlsx) or a printable page (format=html)");
        return app;
    }

    private static async Task<IResult> GetReportAsync(
        string level, string id, string? month, string? format, HttpContext http, RegistryCatalog catalog, IGrainFactory grains,
        IAlertStore alerts, ICaseStore cases, CancellationToken cancellationToken)
    {
        var registry = await catalog.CurrentAsync();
        if (level is not (FundLevel.County or FundLevel.Alliance))
        {
            return TypedResults.Problem($"level \"{level}\": the monthly report is for a county or an alliance", statusCode: 400, title: "No monthly report for this level");
        }

        if (format is not (null or "" or "json" or "xlsx" or "html"))
        {
            return TypedResults.Problem($"format \"{format}\" is not one of json, xlsx, html", statusCode: 400, title: "Unknown report format");
        }

        int? monthNumber = null;
        if (month is { Length: > 0 })
        {
            if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year != registry.FundYear)
            {
                return TypedResults.Problem($"month \"{month}\" must be a month of fund year {registry.FundYear} written YYYY-MM", statusCode: 400, title: "Invalid report month");
            }

            monthNumber = date.Month;
        }

        if (FundAccountProfile.Find(level, id, registry) is not { } profile)
        {
            return TypedResults.Problem($"no {level} \"{id}\" in the registry of fund year {registry.FundYear}", statusCode: 404, title: "No such fund account");
        }

        var scope = CallerScope.Of(http.User)!;
        if (!scope.CanSeeAccount(level, id, registry))
        {
            return TypedResults.Problem($"{level} {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        var status = await grains.GetFundAccount(level, id).GetStatusAsync();
        var reportMonth = monthNumber ?? (status.AsOf is { } asOf ? Claims.BudgetClock.BudgetDate(asOf).Month : 1);
        var countyAlerts = await alerts.QueryAsync(
            new AlertQuery(new HashSet<string> { profile.CountyId }, null, null, null, null, null, profile.CountyId, null, AlertReadLimit), cancellationToken);
        var countyCases = await CountyCasesAsync(cases, scope, profile.CountyId, cancellationToken);
        var report = MonthlyFundReport.Build(profile, status, reportMonth, countyAlerts, countyCases);
        var fileName = $"{report.Id}-{report.FundYear}-{report.Month:D2}";
        return format switch
        {
            "xlsx" => TypedResults.File(await MonthlyReportWorkbook.WriteAsync(report, cancellationToken), XlsxType,
                $"基金运行分析月报-{fileName}.xlsx"),
            "html" => TypedResults.Content(MonthlyReportPage.Render(report), "text/html", Encoding.UTF8),
            _ => TypedResults.Ok(MonthlyReportDocument.Of(report)),
        };
    }

    /// <summary>Every case of the county the caller may see (the store cuts to the caller's scope), page by page.</summary>
    private static async Task<List<InspectionCase>> CountyCasesAsync(
        ICaseStore store, AccessScope scope, string countyId, CancellationToken cancellationToken)
    {
        var all = new List<InspectionCase>();
        CaseCursor? after = null;
        while (true)
        {
            var page = await store.QueryAsync(new CaseQuery(scope, CountyId: countyId, Sort: CaseSort.Age, Limit: CasePage, After: after), cancellationToken);
            all.AddRange(page);
            if (page.Count < CasePage)
            {
                return all;
            }

            after = CaseCursor.After(page[^1]);
        }
    }
}
