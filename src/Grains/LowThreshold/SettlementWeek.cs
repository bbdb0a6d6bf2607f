using Monitoring.Claims;

namespace Monitoring.LowThreshold;

/// <summary>
/// Weeks of settlement time, Monday to Sunday on the China clock, numbered from a fixed Monday: the period a
/// hospital's share of short, cheap stays is counted in. Weeks, not days, because a small hospital settles a few stays
/// a week, and not months, because a change must be found within weeks.
/// </summary>
public static class SettlementWeek
{
    private static readonly DateOnly Epoch = new(2000, 1, 3);

    public static int Of(DateOnly day) => (int)Math.Floor((day.DayNumber - Epoch.DayNumber) / 7.0);

    public static int Of(DateTimeOffset settledAt) => Of(BudgetClock.BudgetDate(settledAt));

    /// <summary>The Monday the week begins.</summary>
    public static DateOnly Start(int week) => Epoch.AddDays(7 * week);

    /// <summary>The last moment of the week's Sunday, China time: the settlement time a finding about the week is as of.</summary>
    public static DateTimeOffset End(int week) =>
        new(Start(week).AddDays(6).ToDateTime(new TimeOnly(23, 59, 59)), BudgetClock.ChinaOffset);
}
