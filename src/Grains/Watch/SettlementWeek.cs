using Monitoring.Claims;

namespace Monitoring.Watch;

/// <summary>
/// The one settlement week of every detector: seven-day blocks of settlement time counted from 1 January of each fund
/// year on the China clock (1–7 January is the year's first week; the year's last week holds its last one or two days).
/// Weeks, not days, because a small hospital settles a few stays a week, and not months, because a change must be found
/// within weeks. From 1 January, not from Mondays, so that the same dates make the same weeks in every year and a
/// finding's delay does not depend on which weekday a year starts on. Numbered across years without a gap: every year
/// has exactly <see cref="PerYear"/> weeks.
/// </summary>
public static class SettlementWeek
{
    /// <summary>365 or 366 days make 52 full weeks and one short one.</summary>
    public const int PerYear = 53;

    private const int EpochYear = 2000;

    public static int Of(DateOnly day) => ((day.Year - EpochYear) * PerYear) + InYear(day);

    public static int Of(DateTimeOffset settledAt) => Of(BudgetClock.BudgetDate(settledAt));

    /// <summary>The week of its fund year a day falls in: 0 for 1–7 January, 52 for the last day or two of December.</summary>
    public static int InYear(DateOnly day) => (day.DayOfYear - 1) / 7;

    /// <summary>The first day of the week.</summary>
    public static DateOnly Start(int week)
    {
        var year = (int)Math.Floor(week / (double)PerYear);
        return new DateOnly(EpochYear + year, 1, 1).AddDays(7 * (week - (year * PerYear)));
    }

    /// <summary>The first day of week <paramref name="weekInYear"/> of <paramref name="fundYear"/>.</summary>
    public static DateOnly Start(int fundYear, int weekInYear) => new DateOnly(fundYear, 1, 1).AddDays(7 * weekInYear);

    /// <summary>The last day of the week: six days after its start, or 31 December for a year's short last week.</summary>
    public static DateOnly LastDay(int week)
    {
        var start = Start(week);
        var last = start.AddDays(6);
        return last.Year == start.Year ? last : new DateOnly(start.Year, 12, 31);
    }

    /// <summary>The last moment of the week's last day, China time: the settlement time a finding about the week is as of.</summary>
    public static DateTimeOffset End(int week) =>
        new(LastDay(week).ToDateTime(new TimeOnly(23, 59, 59)), BudgetClock.ChinaOffset);
}
