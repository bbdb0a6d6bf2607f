namespace Monitoring.Readmission;

/// <summary>
/// One hospital's discharges (by settlement day) and suspect pairs (by the day the pair became known), per day, for
/// the last <c>windowDays</c> days of settlement time. Counting by settlement day means what was known at the end of
/// a day never changes, so a replay rates every day as living through it did.
/// </summary>
public sealed class HospitalReadmissionCounts(int windowDays)
{
    private readonly Dictionary<int, (int Discharges, int Pairs)> _days = [];
    private int? _latest;

    public int WindowDays { get; } = windowDays;

    /// <summary>Counts settled stays (a negative count takes reversed ones out again) on their settlement day.</summary>
    public void Discharged(DateOnly settledDay, int count = 1) => Add(settledDay, count, 0);

    /// <summary>Counts suspect pairs (negative: withdrawn) on the day they became known.</summary>
    public void Paired(DateOnly knownDay, int count = 1) => Add(knownDay, 0, count);

    /// <summary>The rate over the window ending with <paramref name="asOfDay"/>.</summary>
    public ReadmissionRate Rate(DateOnly asOfDay)
    {
        var (from, to) = (asOfDay.DayNumber - WindowDays, asOfDay.DayNumber);
        int discharges = 0, pairs = 0;
        foreach (var (day, counts) in _days)
        {
            if (day > from && day <= to)
            {
                discharges += counts.Discharges;
                pairs += counts.Pairs;
            }
        }

        return new ReadmissionRate(discharges, pairs);
    }

    /// <summary>The days of the window ending with <paramref name="asOfDay"/> that have counts, oldest first.</summary>
    public DayCount[] Days(DateOnly asOfDay)
    {
        var (from, to) = (asOfDay.DayNumber - WindowDays, asOfDay.DayNumber);
        return [.. _days.Where(d => d.Key > from && d.Key <= to).OrderBy(d => d.Key)
            .Select(d => new DayCount(DateOnly.FromDayNumber(d.Key), d.Value.Discharges, d.Value.Pairs))];
    }

    private void Add(DateOnly day, int discharges, int pairs)
    {
        var key = day.DayNumber;
        // A count older than the window of the latest day seen can no longer be asked about.
        if (key <= _latest - WindowDays)
        {
            return;
        }

        _days.TryGetValue(key, out var counts);
        _days[key] = (counts.Discharges + discharges, counts.Pairs + pairs);
        if (_latest is not { } latest || key > latest)
        {
            _latest = key;
            foreach (var old in _days.Keys.Where(d => d <= key - WindowDays).ToList())
            {
                _days.Remove(old);
            }
        }
    }
}
