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
        var spent = spend.Through(day, fundYear);
        var timeShare = TimeShare(day, fundYear, monthlyProfile);
        var windowStart = day.AddDays(1 - thresholds.ProjectionWindowDays);
        if (windowStart.Year < fundYear)
        {
            windowStart = new DateOnly(fundYear, 1, 1);
        }

        var windowShare = timeShare - TimeShare(windowStart.AddDays(-1), fundYear, monthlyProfile);
        var recent = spent - spend.Through(windowStart.AddDays(-1), fundYear);
        // The remaining year is expected to spend at the recent rate, scaled by what the profile expects of it.
        var projected = windowShare > 0 ? spent + (recent * (1 - timeShare) / windowShare) : spent;
        var usedShare = annualBudget > 0 ? spent / annualBudget : 0;
        var projectedShare = annualBudget > 0 ? projected / annualBudget : 0;
        var reliable = day.Year > fundYear || day.DayOfYear >= thresholds.ProjectionWindowDays;
        var reading = new PaceReading(day, annualBudget, spent, Round(annualBudget * timeShare), Share(usedShare), Share(timeShare),
            Round(projected), Share(projectedShare), Level: null, reliable);
        return reading with { Level = LevelOf(reading, thresholds, easing: 0) };
    }

    /// <summary>
    /// The level a reading stands at; with <paramref name="easing"/> points the thresholds are lowered by that much,
    /// which is how a raised level is held until the reading has recovered past the hysteresis band.
    /// </summary>
    public static AlertSeverity? LevelOf(PaceReading reading, PaceThresholds thresholds, decimal easing)
    {
        var gapPoints = (reading.UsedShare - reading.TimeShare) * 100;
        if (reading.ProjectionReliable && reading.ProjectedShare * 100 > thresholds.CriticalProjectionPercent - easing)
        {
            return AlertSeverity.Critical;
        }

        if (gapPoints >= thresholds.WarningGapPoints - easing)
        {
            return AlertSeverity.Warning;
        }

        return gapPoints >= thresholds.NoticeGapPoints - easing ? AlertSeverity.Notice : null;
    }

    private static decimal Round(decimal yuan) => decimal.Round(yuan, 2);

    private static decimal Share(decimal share) => decimal.Round(share, 6);
}
