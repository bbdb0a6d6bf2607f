using Monitoring.Watch;
using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>
/// A hospital's settled weeks and months of short, cheap stays: what its own baseline, its comparison with peers and
/// its monthly trend are computed from. Plain data, revised when a settlement is reversed, trimmed to the retention.
/// </summary>
public sealed class ShareHistory
{
    private readonly SortedDictionary<int, WeekTally> _weeks = [];
    private readonly SortedDictionary<int, (int Admissions, int Stays, int ShortAndCheap)> _months = [];

    public IEnumerable<WeekTally> Weeks => _weeks.Values;

    public WeekTally Week(int week)
    {
        if (!_weeks.TryGetValue(week, out var tally))
        {
            _weeks[week] = tally = new WeekTally(week);
        }

        return tally;
    }

    /// <summary>An inpatient settlement (sign +1) or its reversal (−1), as an admission of its settlement month.</summary>
    public void Admitted(DateOnly settledDay, int sign) => Month(settledDay, (sign, 0, 0));

    /// <summary>A judged stay in (sign +1) or, reversed, out (−1) of its week and month; a short, cheap one with its example.</summary>
    public void Judged(int week, AdmissionCandidate stay, bool shortAndCheap, double median, int sign)
    {
        var tally = Week(week);
        tally.Count(stay.Adrg, shortAndCheap, sign);
        if (shortAndCheap && sign > 0)
        {
            tally.Examples.Add(new ShortCheapExample(stay.ClaimId, stay.PrincipalDiagnosis, stay.DrgCode, stay.LengthOfStay,
                stay.TotalCost, median, stay.SettledDay, stay.OutpatientTreatable));
        }
        else if (shortAndCheap)
        {
            tally.Examples.RemoveAll(e => e.ClaimId == stay.ClaimId);
        }

        Month(stay.SettledDay, (0, sign, shortAndCheap ? sign : 0));
    }

    /// <summary>
    /// Stays and short, cheap ones over at most <paramref name="weeks"/> weeks with stays before <paramref name="beforeWeek"/>,
    /// and how many weeks that was.
    /// </summary>
    public (long Stays, long ShortAndCheap, int Weeks) Before(int beforeWeek, int weeks)
    {
        long stays = 0, events = 0;
        var counted = 0;
        foreach (var tally in _weeks.Values.Reverse())
        {
            if (tally.Week >= beforeWeek || tally.Stays <= 0)
            {
                continue;
            }

            if (tally.Week < beforeWeek - weeks)
            {
                break;
            }

            stays += tally.Stays;
            events += tally.ShortAndCheap;
            counted++;
        }

        return (stays, events, counted);
    }

    /// <summary>Per DRG, the stays and short, cheap ones of the <paramref name="weeks"/> weeks ending with <paramref name="throughWeek"/>.</summary>
    public Dictionary<string, DrgCount> ByDrg(int throughWeek, int weeks)
    {
        var sums = new Dictionary<string, DrgCount>(StringComparer.Ordinal);
        foreach (var tally in _weeks.Values.Where(w => w.Week <= throughWeek && w.Week > throughWeek - weeks))
        {
            foreach (var (drg, count) in tally.ByDrg)
            {
                var sum = sums.GetValueOrDefault(drg);
                sums[drg] = new DrgCount(sum.Stays + count.Stays, sum.ShortAndCheap + count.ShortAndCheap);
            }
        }

        return sums;
    }

    /// <summary>The latest short, cheap stays from <paramref name="fromWeek"/> through <paramref name="throughWeek"/>, newest first.</summary>
    public IReadOnlyList<ShortCheapExample> Examples(int fromWeek, int throughWeek, int count) =>
        [.. _weeks.Values.Where(w => w.Week >= fromWeek && w.Week <= throughWeek)
            .SelectMany(w => w.Examples)
            .OrderByDescending(e => e.SettledDay).ThenBy(e => e.ClaimId, StringComparer.Ordinal)
            .Take(count)];

    public IReadOnlyList<MonthShare> Months =>
        [.. _months.Select(m => new MonthShare(m.Key / 100, m.Key % 100, m.Value.Admissions, m.Value.Stays, m.Value.ShortAndCheap))];

    /// <summary>Forgets weeks and months older than <paramref name="oldestWeek"/>.</summary>
    public void Evict(int oldestWeek)
    {
        foreach (var week in _weeks.Keys.TakeWhile(w => w < oldestWeek).ToList())
        {
            _weeks.Remove(week);
        }

        var oldestMonth = Claims.BudgetClock.MonthKey(SettlementWeek.Start(oldestWeek));
        foreach (var month in _months.Keys.TakeWhile(m => m < oldestMonth).ToList())
        {
            _months.Remove(month);
        }
    }

    private void Month(DateOnly day, (int Admissions, int Stays, int ShortAndCheap) change)
    {
        var key = Claims.BudgetClock.MonthKey(day);
        var now = _months.GetValueOrDefault(key);
        _months[key] = (now.Admissions + change.Admissions, now.Stays + change.Stays, now.ShortAndCheap + change.ShortAndCheap);
    }

    /// <summary>The strata of an observed-against-expected comparison: each DRG's counts against its reference share.</summary>
    public static IEnumerable<Stratum> Strata(IReadOnlyDictionary<string, DrgCount> counts, Func<string, double> reference) =>
        counts.Select(c => new Stratum(c.Value.Stays, c.Value.ShortAndCheap, reference(c.Key)));
}
