namespace Monitoring.Claims;

/// <summary>
/// Budget time is settlement time read on the China clock (UTC+8, no daylight saving):
/// a claim settled at 23:30 on 31 March Beijing time counts in March whatever offset the feed used.
/// </summary>
public static class BudgetClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly BudgetDate(DateTimeOffset settledAt) =>
        DateOnly.FromDateTime(settledAt.ToOffset(ChinaOffset).DateTime);

    /// <summary>Day key yyyyMMdd, used for daily series.</summary>
    public static int DayKey(DateOnly day) => (day.Year * 10_000) + (day.Month * 100) + day.Day;

    /// <summary>The day a <see cref="DayKey"/> names.</summary>
    public static DateOnly FromDayKey(int key) => new(key / 10_000, key / 100 % 100, key % 100);

    /// <summary>Month key yyyyMM, used for monthly series.</summary>
    public static int MonthKey(DateOnly date) => date.Year * 100 + date.Month;
}
