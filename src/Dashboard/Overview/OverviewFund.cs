using System.Text.Json.Serialization;
using Monitoring.Funds.Snapshots;
using Monitoring.Pace;

namespace Monitoring.Dashboard.Overview;

/// <summary>
/// One fund account on the overview: its pace (支出进度 against 时间进度, the gap in points, the level), its projected
/// overrun, and each month's fund paid against the month's plan (budget × the county's monthly profile), so the
/// year can be read as a heat map. <see cref="MonthPlan.PlannedToDate"/> is the plan through the fund's settlement
/// day for the month it is in, the whole month before it, and null after.
/// </summary>
public sealed record OverviewFund(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("annualBudget")] decimal? AnnualBudget,
    [property: JsonPropertyName("fundPaid")] decimal FundPaid,
    [property: JsonPropertyName("usedShare")] decimal? UsedShare,
    [property: JsonPropertyName("timeShare")] decimal? TimeShare,
    [property: JsonPropertyName("gapPoints")] decimal? GapPoints,
    [property: JsonPropertyName("projectedYearEnd")] decimal? ProjectedYearEnd,
    [property: JsonPropertyName("projectedOverrun")] decimal? ProjectedOverrun,
    [property: JsonPropertyName("paceLevel")] string? PaceLevel,
    [property: JsonPropertyName("problem")] bool Problem,
    [property: JsonPropertyName("asOf")] DateTimeOffset? AsOf,
    [property: JsonPropertyName("months")] IReadOnlyList<MonthPlan> Months)
{
    /// <summary>The account's overview line from its live status and the county's monthly profile.</summary>
    public static OverviewFund Of(FundStatus status, IReadOnlyList<decimal>? monthlyProfile)
    {
        var pace = status.Pace;
        var level = status.AnnualBudget is null || pace is null ? null : pace.Level?.ToString().ToLowerInvariant() ?? "none";
        return new OverviewFund(
            status.Level,
            status.Id,
            status.Name,
            status.AnnualBudget,
            status.FundPaid,
            pace?.UsedShare,
            pace?.TimeShare,
            pace is null ? null : Math.Round(pace.GapPoints, 2),
            pace?.ProjectedYearEnd,
            pace is null ? null : pace.ProjectedYearEnd - pace.AnnualBudget,
            level,
            RiskOrder.IsProblem(level),
            status.AsOf,
            MonthPlan.Year(status, monthlyProfile));
    }
}

/// <summary>One month of a fund: fund paid against the plan for the month (and to date within the current month).</summary>
public sealed record MonthPlan(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("fundPaid")] decimal FundPaid,
    [property: JsonPropertyName("planned")] decimal? Planned,
    [property: JsonPropertyName("plannedToDate")] decimal? PlannedToDate)
{
    /// <summary>
    /// The twelve months of the fund year. The plan is the share of the year's spending the county's profile gives
    /// each month (flat by days without a profile) — the same time share budget pace is judged on.
    /// </summary>
    public static IReadOnlyList<MonthPlan> Year(FundStatus status, IReadOnlyList<decimal>? monthlyProfile)
    {
        var year = status.FundYear;
        var (through, partOfNextDay) = PlannedThrough(status);
        var paid = status.Months.Where(m => m.Month / 100 == year).ToDictionary(m => m.Month % 100, m => m.FundPaid);
        var months = new MonthPlan[12];
        for (var month = 1; month <= 12; month++)
        {
            var start = new DateOnly(year, month, 1).AddDays(-1);
            var end = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            decimal? Plan(DateOnly until) => status.AnnualBudget is { } budget
                ? Math.Round(budget * (BudgetPace.TimeShare(until, year, monthlyProfile) - BudgetPace.TimeShare(start, year, monthlyProfile)), 2)
                : null;
            var planned = Plan(end);
            var toDate = through is not { } day || (day < start.AddDays(1) && !(day == start && partOfNextDay > 0)) ? null
                : day >= end ? planned
                : PlanToDate(day);
            // Whole days through `day`, and the part of the next day the spend has reached: like with like.
            decimal? PlanToDate(DateOnly day) => Plan(day) is not { } whole ? null
                : partOfNextDay == 0 ? whole
                : Math.Round(whole + ((Plan(day.AddDays(1)) ?? whole) - whole) * partOfNextDay, 2);
            months[month - 1] = new MonthPlan($"{year:D4}-{month:D2}", paid.GetValueOrDefault(month), planned, toDate);
        }

        return months;
    }

    /// <summary>
    /// How far the month's spend reaches: the last whole day, and the share of the next one gone by the account's last
    /// settlement (its as-of). A spend cut off at 11:00 is compared with the plan to 11:00, not with the whole day's,
    /// nor with the day before's; without an as-of, the day pace has judged through.
    /// </summary>
    private static (DateOnly? Day, decimal PartOfNextDay) PlannedThrough(FundStatus status)
    {
        if (status.AsOf is not { } asOf)
        {
            return (status.Pace?.Day, 0m);
        }

        var local = asOf.ToOffset(Monitoring.Claims.BudgetClock.ChinaOffset);
        var day = DateOnly.FromDateTime(local.DateTime).AddDays(-1);
        return day.Year > status.FundYear
            ? (new DateOnly(status.FundYear, 12, 31), 0m)
            : (day, Math.Round((decimal)local.TimeOfDay.TotalDays, 6));
    }
}
