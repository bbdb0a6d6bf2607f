using Monitoring.Alerts;
using Monitoring.Registry;

namespace Monitoring.Pace;

/// <summary>
/// 使用进度 vs 时间进度: how far through its annual budget an account is against how far through the year it is,
/// and where the recent rate of spending takes it by the year end. "How far through the year" follows the county's
/// monthly profile (a flu-season January is expected to spend more than a February), linear by days within a month,
/// flat by days when the registry gives no profile. Everything is at the end of a settlement day.
/// </summary>
public static class BudgetPace
{
    /// <summary>The share of the year's spending expected by the end of <paramref name="day"/>.</summary>
    public static decimal TimeShare(DateOnly day, int fundYear, IReadOnlyList<decimal>? monthlyProfile)
    {
        if (day.Year < fundYear)
        {
            return 0;
        }

        if (day.Year > fundYear)
        {
            return 1;
        }

        if (monthlyProfile is not { Count: 12 })
        {
            return (decimal)day.DayOfYear / (DateTime.IsLeapYear(fundYear) ? 366 : 365);
        }

        var before = 0m;
        for (var month = 1; month < day.Month; month++)
        {
            before += monthlyProfile[month - 1];
        }

        var daysInMonth = DateTime.DaysInMonth(fundYear, day.Month);
        return before + (monthlyProfile[day.Month - 1] * day.Day / daysInMonth);
    }

    /// <summary>The reading at the end of <paramref name="day"/> from the account's daily spend (settlement days).</summary>
    public static PaceReading Read(
        DateOnly day, int fundYear, decimal annualBudget, IReadOnlyList<decimal>? monthlyProfile,
        DailySpend spend, PaceThresholds thresholds)
    {
        var yearStart = new DateOnly(fundYear, 1, 1);
        var asOf = day.Year > fundYear ? new DateOnly(fundYear, 12, 31) : day;
        var spent = spend.Through(day, fundYear);
        var timeShare = TimeShare(day, fundYear, monthlyProfile);
        var windowStart = asOf.AddDays(1 - thresholds.ProjectionWindowDays);
        if (windowStart < yearStart)
        {
            windowStart = yearStart;
        }

        var windowShare = timeShare - TimeShare(windowStart.AddDays(-1), fundYear, monthlyProfile);
        var daysElapsed = asOf < yearStart ? 0 : asOf.DayNumber - yearStart.DayNumber + 1;
        var estimate = asOf < yearStart
            ? new ProjectionEstimate(0, 0, 0, 0, false)
            : PaceProjection.Estimate(spent, timeShare, windowShare, spend.Between(windowStart, asOf), spend.Between(yearStart, asOf),
                daysElapsed, thresholds);
        var usedShare = annualBudget > 0 ? spent / annualBudget : 0;
        var projectedShare = annualBudget > 0 ? estimate.Projected / annualBudget : 0;
        var lowShare = annualBudget > 0 ? estimate.Low / annualBudget : 0;
        var reading = new PaceReading(day, annualBudget, spent, Round(annualBudget * timeShare), Share(usedShare), Share(timeShare),
            Round(estimate.Projected), Share(projectedShare), Level: null, estimate.Credible, Share(lowShare),
            decimal.Round(estimate.Credibility, 3), estimate.WindowClaims);
        return reading with { Level = LevelOf(reading, thresholds, easing: 0) };
    }

    /// <summary>
    /// The level a reading stands at on the ladder; with <paramref name="easing"/> points the thresholds are lowered
    /// by that much, which is how a raised level is held until the reading has recovered past the hysteresis band.
    /// The money comes first: a budget spent in full is critical whatever the time share, because every yuan after it
    /// is an overrun (超支). A projection alone is at most a warning — it is a forecast — unless the account is
    /// already ahead of the time share, when the two together say the overrun is real.
    /// </summary>
    public static AlertSeverity? LevelOf(PaceReading reading, PaceThresholds thresholds, decimal easing)
    {
        var gap = reading.GapPoints;
        var projected = reading.ProjectionReliable ? reading.ProjectionEvidenceShare * 100 : 0;
        var overBudget = reading.AnnualBudget > 0 && reading.UsedShare * 100 >= 100 - easing;
        var projectsOverrun = projected > thresholds.CriticalProjectionPercent - easing;
        if (overBudget || (projectsOverrun && gap >= thresholds.NoticeGapPoints - easing))
        {
            return AlertSeverity.Critical;
        }

        if (gap >= thresholds.WarningGapPoints - easing || projectsOverrun)
        {
            return AlertSeverity.Warning;
        }

        return gap >= thresholds.NoticeGapPoints - easing || projected > thresholds.NoticeProjectionPercent - easing
            ? AlertSeverity.Notice
            : null;
    }

    private static decimal Round(decimal yuan) => decimal.Round(yuan, 2);

    private static decimal Share(decimal share) => decimal.Round(share, 6);
}
