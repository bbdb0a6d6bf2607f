using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Claims;
using Monitoring.Funds.Snapshots;
using Monitoring.Pace;
using Monitoring.Registry;

namespace Monitoring.Reports;

/// <summary>
/// 基金运行分析月报: the monthly fund-operation report of a county fund or an alliance — its budget, what it paid in the
/// month against the month's plan, its spend pace (支出进度 against 时间进度) at the month's end, the projection and the
/// year-end preview as they stand, and the alerts about the month. Built from the fund account's own books (its month
/// totals), the alert store and the case store, so it says what the dashboard says.
/// </summary>
public sealed record MonthlyFundReport(
    string Level,
    string Id,
    string Name,
    string CountyId,
    int FundYear,
    int Month,
    decimal? AnnualBudget,
    IReadOnlyList<ReportMonth> Months,
    DateTimeOffset? AsOf,
    decimal? ProjectedYearEnd,
    decimal? ProjectedShare,
    string? PaceLevel,
    YearEndPreview? YearEnd,
    IReadOnlyList<Alert> Alerts,
    ReportCases? Cases = null,
    decimal? ProjectedLowShare = null)
{
    /// <summary>The month reported on (the last of <see cref="Months"/>).</summary>
    public ReportMonth Current => Months[^1];

    /// <summary>
    /// 预计结余 (negative: overrun): the year-end preview's balance where the account has one (an alliance, a hospital),
    /// else the budget less the projected year-end spend — a county fund projected over its budget shows its overrun.
    /// </summary>
    public decimal? ProjectedBalance => YearEnd?.Balance ?? (AnnualBudget is { } budget && ProjectedYearEnd is { } projected ? budget - projected : null);

    /// <summary>留用: what the account keeps of a projected surplus (a county fund keeps its own).</summary>
    public decimal? ProjectedRetained => YearEnd?.Retained ?? (ProjectedBalance is { } b ? Math.Max(0, b) : null);

    /// <summary>超支自担: the projected overrun the account bears.</summary>
    public decimal? ProjectedOverrunBorne => YearEnd?.OverrunBorne ?? (ProjectedBalance is { } b ? Math.Max(0, -b) : null);

    /// <summary>
    /// The pace reads 正常 although the central projection is over budget: the projection's lower bound (what the
    /// level is judged on while the year is young) is not. The report says so beside the figure.
    /// </summary>
    public bool NormalDespiteProjectedOverrun => PaceLevel is null && ProjectedShare > 1m;

    /// <param name="month">1–12: the report covers January through this month</param>
    /// <param name="alerts">alerts of the fund's county, any month; those about this fund's scope and month are kept</param>
    /// <param name="cases">inspection cases of the fund's county, any month (see <see cref="ReportCases"/>); null leaves the section out</param>
    public static MonthlyFundReport Build(FundAccountProfile profile, FundStatus status, int month, IEnumerable<Alert> alerts,
        IEnumerable<InspectionCase>? cases = null)
    {
        // Month totals are keyed yyyyMM.
        var byMonth = status.Months.Where(m => m.Month / 100 == profile.FundYear).ToDictionary(m => m.Month % 100);
        var months = new List<ReportMonth>(month);
        var cumulative = 0m;
        // The month the data stops in is compared like with like: its spend so far against its plan to the same moment.
        var asOf = status.AsOf?.ToOffset(BudgetClock.ChinaOffset);
        for (var m = 1; m <= month; m++)
        {
            var paid = byMonth.TryGetValue(m, out var total) ? total.FundPaid : 0m;
            cumulative += paid;
            var timeShare = asOf is { } at && at.Year == profile.FundYear && at.Month == m
                ? ShareAt(at, profile)
                : BudgetPace.TimeShare(MonthEnd(profile.FundYear, m), profile.FundYear, profile.MonthlyProfile);
            var before = m == 1 ? 0m : BudgetPace.TimeShare(MonthEnd(profile.FundYear, m - 1), profile.FundYear, profile.MonthlyProfile);
            decimal? budget = profile.AnnualBudget;
            months.Add(new ReportMonth(m, paid, budget is { } b ? decimal.Round(b * (timeShare - before), 2) : null,
                byMonth.TryGetValue(m, out var t) ? t.Settlements - t.Reversals : 0, cumulative,
                budget is > 0 ? cumulative / budget.Value : null, timeShare));
        }

        var from = new DateTimeOffset(new DateOnly(profile.FundYear, month, 1).ToDateTime(TimeOnly.MinValue), BudgetClock.ChinaOffset);
        var until = from.AddMonths(1);
        var mine = alerts
            .Where(a => a.AsOf >= from && a.AsOf < until)
            .Where(a => profile.Level switch
            {
                FundLevel.County => a.CountyId == profile.Id,
                FundLevel.Alliance => a.AllianceId == profile.Id,
                _ => a.HospitalId == profile.Id,
            })
            .OrderBy(a => a.AsOf).ThenBy(a => a.AlertId, StringComparer.Ordinal)
            .ToList();
        return new MonthlyFundReport(profile.Level, profile.Id, profile.Name, profile.CountyId, profile.FundYear, month, profile.AnnualBudget,
            months, status.AsOf, status.Pace?.ProjectedYearEnd, status.Pace?.ProjectedShare, status.Pace?.Level?.ToString().ToLowerInvariant(),
            status.YearEnd, mine, cases is null ? null : ReportCases.Of(profile, month, cases), status.Pace?.ProjectedLowShare);
    }

    /// <summary>时间进度 at a moment: the share through the day before, and the elapsed part of the day's own share.</summary>
    public static decimal ShareAt(DateTimeOffset at, FundAccountProfile profile)
    {
        var day = DateOnly.FromDateTime(at.DateTime);
        var before = BudgetPace.TimeShare(day.AddDays(-1), profile.FundYear, profile.MonthlyProfile);
        var through = BudgetPace.TimeShare(day, profile.FundYear, profile.MonthlyProfile);
        var elapsed = (decimal)at.TimeOfDay.Ticks / TimeSpan.TicksPerDay;
        return before + ((through - before) * elapsed);
    }

    private static DateOnly MonthEnd(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
}

/// <summary>One month of the report: paid in it and its plan (budget × its share of the year), and the pace at its end.</summary>
/// <param name="UsedShare">支出进度: fund paid through the month's end ÷ the annual budget</param>
/// <param name="TimeShare">时间进度 at the month's end (the county's monthly profile, or days)</param>
public sealed record ReportMonth(int Month, decimal FundPaid, decimal? Planned, long Claims, decimal CumulativePaid, decimal? UsedShare, decimal TimeShare)
{
    /// <summary>超时间进度: used share minus time share, in percentage points.</summary>
    public decimal? GapPoints => UsedShare is { } used ? decimal.Round((used - TimeShare) * 100m, 2) : null;
}
