using Monitoring.Dashboard.Alerts;
using Monitoring.Dashboard.Funds;
using Monitoring.Reports;

namespace Monitoring.Dashboard.Reports;

/// <summary>
/// The monthly report as JSON: money in yuan, shares as fractions, alerts as <c>alert.schema.json</c> has them, and the
/// month's inspection cases (opened, decided, recovered, and those still open as of the report). <c>projectedBalance</c>
/// is 预计结余 (negative: the projected overrun, a county's too); <c>normalDespiteProjectedOverrun</c> says the level
/// reads 正常 beside a projected overrun because the projection's lower bound (<c>projectedLowShare</c>) is within budget.
/// </summary>
public sealed record MonthlyReportDocument(
    string Level,
    string Id,
    string Name,
    string CountyId,
    int FundYear,
    string Month,
    decimal? AnnualBudget,
    IReadOnlyList<ReportMonth> Months,
    DateTimeOffset? AsOf,
    decimal? ProjectedYearEnd,
    decimal? ProjectedShare,
    string? PaceLevel,
    YearEndFigures? YearEnd,
    IReadOnlyList<AlertDocument> Alerts,
    ReportCases? Cases,
    decimal? ProjectedBalance,
    decimal? ProjectedLowShare,
    bool NormalDespiteProjectedOverrun)
{
    public static MonthlyReportDocument Of(MonthlyFundReport r) => new(
        r.Level, r.Id, r.Name, r.CountyId, r.FundYear, $"{r.FundYear:D4}-{r.Month:D2}", r.AnnualBudget, r.Months, r.AsOf,
        r.ProjectedYearEnd, r.ProjectedShare, r.PaceLevel, r.YearEnd is null ? null : YearEndFigures.Of(r.YearEnd),
        [.. r.Alerts.Select(a => AlertDocument.Of(a))], r.Cases, r.ProjectedBalance, r.ProjectedLowShare, r.NormalDespiteProjectedOverrun);
}
