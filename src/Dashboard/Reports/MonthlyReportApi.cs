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
            .WithSummary("The monthly fund-operation report (基金运行分析月报) of a county fund or an alliance: JSON, .xlsx (format=xlsx) or a printable page (format=html)")
            .WithDescription("month=YYYY-MM: a month of the fund year in force, or of an earlier fund year whose registry the cluster held (reported against that year's budget; no pace or year-end preview for a closed year). lang=zh (default) | en: the one language of the .xlsx and the page; JSON carries projectedBalance (negative: overrun), projectedLowShare and both languages' messages.");
        return app;
    }

    private static async Task<IResult> GetReportAsync(
        string level, string id, string? month, string? format, string? lang, HttpContext http, RegistryCatalog catalog, IGrainFactory grains,
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

        if (ReportLanguage.Parse(lang) is not { } language)
        {
            return TypedResults.Problem($"lang \"{lang}\" is not one of zh, en", statusCode: 400, title: "Unknown report language");
        }

        int? monthNumber = null;
        var ofYear = registry;
        if (month is { Length: > 0 })
        {
            if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return TypedResults.Problem($"month \"{month}\" must be a month written YYYY-MM", statusCode: 400, title: "Invalid report month");
            }

            // A month of an earlier fund year is reported against that year's registry (kept when the new year's replaced it).
            if (date.Year != registry.FundYear && await catalog.OfYearAsync(date.Year) is not { } past)
            {
                var years = (await catalog.PastYearsAsync()).Append(registry.FundYear).Order().Select(y => y.ToString(CultureInfo.InvariantCulture));
                return TypedResults.Problem($"month \"{month}\": no registry of fund year {date.Year} is held; months of fund years {string.Join(", ", years)} can be reported",
                    statusCode: 400, title: "Invalid report month");
            }

            ofYear = date.Year == registry.FundYear ? registry : (await catalog.OfYearAsync(date.Year))!;
            monthNumber = date.Month;
        }

        if (FundAccountProfile.Find(level, id, ofYear) is not { } profile)
        {
            return TypedResults.Problem($"no {level} \"{id}\" in the registry of fund year {ofYear.FundYear}", statusCode: 404, title: "No such fund account");
        }

        var scope = CallerScope.Of(http.User)!;
        if (!scope.CanSeeAccount(level, id, registry))
        {
            return TypedResults.Problem($"{level} {id} is outside scope {scope.ScopeText} of role {scope.Role}", statusCode: 403, title: "Outside your scope");
        }

        var status = await grains.GetFundAccount(level, id).GetStatusAsync();
        if (ofYear.FundYear != registry.FundYear)
        {
            status = PastYear(status, profile);
        }

        var reportMonth = monthNumber ?? (status.AsOf is { } asOf ? Claims.BudgetClock.BudgetDate(asOf).Month : 1);
        var countyAlerts = await alerts.QueryAsync(
            new AlertQuery(new HashSet<string> { profile.CountyId }, null, null, null, null, null, profile.CountyId, null, AlertReadLimit), cancellationToken);
        var countyCases = await CountyCasesAsync(cases, scope, profile.CountyId, cancellationToken);
        var report = MonthlyFundReport.Build(profile, status, reportMonth, countyAlerts, countyCases);
        var fileName = $"{report.Id}-{report.FundYear}-{report.Month:D2}";
        return format switch
        {
            "xlsx" => TypedResults.File(await MonthlyReportWorkbook.WriteAsync(report, language, cancellationToken), XlsxType,
                $"{language.T("基金运行分析月报", "monthly-fund-report")}-{fileName}.xlsx"),
            "html" => TypedResults.Content(MonthlyReportPage.Render(report, language), "text/html", Encoding.UTF8),
            _ => TypedResults.Ok(MonthlyReportDocument.Of(report)),
        };
    }

    /// <summary>
    /// The account as it closed an earlier fund year: that year's budget, spend and last settlement, from the account's
    /// month totals (kept for every year). The pace and year-end preview are of the year in force and are left out.
    /// </summary>
    private static Monitoring.Funds.Snapshots.FundStatus PastYear(Monitoring.Funds.Snapshots.FundStatus status, FundAccountProfile profile)
    {
        var months = status.Months.Where(m => m.Month / 100 == profile.FundYear).ToList();
        var yearEnd = new DateTimeOffset(profile.FundYear, 12, 31, 23, 59, 59, Claims.BudgetClock.ChinaOffset);
        return status with
        {
            FundYear = profile.FundYear,
            AnnualBudget = profile.AnnualBudget,
            FundPaid = months.Sum(m => m.FundPaid),
            ClaimsCounted = months.Sum(m => m.Settlements - m.Reversals),
            AsOf = status.AsOf is { } asOf && asOf < yearEnd ? asOf : yearEnd,
            Pace = null,
            YearEnd = null,
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
