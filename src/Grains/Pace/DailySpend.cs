namespace Monitoring.Pace;

/// <summary>
/// An account's fund pay by settlement day (key yyyyMMdd), summed cumulatively on demand. Pace is judged by when
/// money was settled, so a reversal counts on the day it is settled: what was known at the end of a day never
/// changes afterwards, which is what makes replaying a year produce the alerts that living through it did.
/// </summary>
public sealed class DailySpend
{
    private readonly int[] _days;
    private readonly decimal[] _cumulative;

    public DailySpend(IReadOnlyDictionary<int, decimal> byDay)
    {
        _days = [.. byDay.Keys.Order()];
        _cumulative = new decimal[_days.Length];
        var sum = 0m;
        for (var i = 0; i < _days.Length; i++)
        {
            sum += byDay[_days[i]];
            _cumulative[i] = sum;
        }
    }

    public static int Key(DateOnly day) => Claims.BudgetClock.DayKey(day);

    /// <summary>Fund paid in <paramref name="fundYear"/> up to and including <paramref name="day"/>.</summary>
    public decimal Through(DateOnly day, int fundYear)
    {
        var upTo = Key(day.Year > fundYear ? new DateOnly(fundYear, 12, 31) : day);
        var before = (fundYear * 10_000) + 101;
        return CumulativeAt(upTo) - CumulativeAt(before - 1);
    }

    private decimal CumulativeAt(int key)
    {
        var index = Array.BinarySearch(_days, key);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 ? _cumulative[index] : 0;
    }
}
