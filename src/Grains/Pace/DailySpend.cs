namespace Monitoring.Pace;

/// <summary>
/// An account's fund pay by settlement day (key yyyyMMdd), summed cumulatively on demand. Pace is judged by when
/// money was settled, so a reversal counts on the day it is settled: what was known at the end of a day never
/// changes afterwards, which is what makes replaying a year produce the alerts that living through it did.
/// Beside the money it keeps the settlements per day and the day totals' squares: the volume and the day-to-day
/// spread a projection needs to say how far it can be trusted.
/// </summary>
public sealed class DailySpend
{
    private readonly int[] _days;
    private readonly decimal[] _cumulative;
    private readonly double[] _cumulativeSquares;
    private readonly long[] _cumulativeClaims;

    public DailySpend(IReadOnlyDictionary<int, decimal> byDay, IReadOnlyDictionary<int, int>? claimsByDay = null)
    {
        _days = [.. byDay.Keys.Order()];
        _cumulative = new decimal[_days.Length];
        _cumulativeSquares = new double[_days.Length];
        _cumulativeClaims = new long[_days.Length];
        var sum = 0m;
        var squares = 0d;
        long claims = 0;
        for (var i = 0; i < _days.Length; i++)
        {
            var amount = byDay[_days[i]];
            sum += amount;
            squares += (double)amount * (double)amount;
            claims += claimsByDay?.GetValueOrDefault(_days[i]) ?? 0;
            _cumulative[i] = sum;
            _cumulativeSquares[i] = squares;
            _cumulativeClaims[i] = claims;
        }
    }

    public static int Key(DateOnly day) => Claims.BudgetClock.DayKey(day);

    /// <summary>Fund paid in <paramref name="fundYear"/> up to and including <paramref name="day"/>.</summary>
    public decimal Through(DateOnly day, int fundYear)
    {
        var upTo = Key(day.Year > fundYear ? new DateOnly(fundYear, 12, 31) : day);
        var before = (fundYear * 10_000) + 101;
        return CumulativeAt(_cumulative, upTo) - CumulativeAt(_cumulative, before - 1);
    }

    /// <summary>What was settled from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public SpendWindow Between(DateOnly first, DateOnly last)
    {
        var from = Key(first) - 1;
        var to = Key(last);
        return new SpendWindow(
            last.DayNumber - first.DayNumber + 1,
            CumulativeAt(_cumulative, to) - CumulativeAt(_cumulative, from),
            CumulativeAt(_cumulativeSquares, to) - CumulativeAt(_cumulativeSquares, from),
            CumulativeAt(_cumulativeClaims, to) - CumulativeAt(_cumulativeClaims, from));
    }

    private T CumulativeAt<T>(T[] cumulative, int key)
        where T : struct
    {
        var index = Array.BinarySearch(_days, key);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 ? cumulative[index] : default;
    }
}
