using Monitoring.Watch;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Registry;
using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>
/// What a hospital's low-threshold watch holds for its retention weeks: admissions counted as they come, candidate
/// stays waiting for their week to end, the week-by-week shares (<see cref="ShareHistory"/>), its DRG cost sketches per
/// week for the region's medians, and the median each week's stays of a DRG were judged against. No settlement is kept
/// once its week is judged: a reversal (冲销) reads the settlement it undoes from the ledger, and that median tells how it
/// was counted, so exactly that is taken back out. Plain code: the grain feeds it rows, closes weeks with the region's
/// medians, and asks it to judge.
/// </summary>
public sealed class HospitalAdmissionWeeks(LowThresholdOptions options)
{
    private readonly SortedDictionary<int, List<AdmissionCandidate>> _pending = [];
    private readonly SortedDictionary<int, Dictionary<string, QuantileSketch>> _weekCosts = [];

    /// <summary>Per closed week and DRG, the median its stays were judged against; NaN when it had none (not judged).</summary>
    private readonly SortedDictionary<int, Dictionary<string, double>> _judgedAgainst = [];
    private Dictionary<string, double> _medians = new(StringComparer.Ordinal);
    private int? _oldestWeek;

    public ShareHistory History { get; } = new();

    /// <summary>The hospital's stay costs per DRG over the retention, the region's medians are merged from.</summary>
    public Dictionary<string, QuantileSketch> Costs { get; } = new(StringComparer.Ordinal);

    /// <summary>The first week held: a reversal of a settlement before it has nothing here to take back.</summary>
    public void Retain(int oldestWeek) => _oldestWeek = Math.Max(_oldestWeek ?? oldestWeek, oldestWeek);

    /// <summary>The last week whose stays were classified; null before any.</summary>
    public int? ClosedThrough { get; private set; }

    /// <summary>
    /// What one row changes: an admission counted (or, for a reversal, the settlement it undoes taken back out:
    /// <paramref name="reversed"/>, as the ledger holds it), a stay waiting for its week to end.
    /// </summary>
    public void Count(ClaimEvent claim, ClaimEvent? reversed = null)
    {
        if (claim.Kind == ClaimKind.Reversal)
        {
            if (reversed is not null)
            {
                Uncount(reversed);
            }

            return;
        }

        var day = BudgetClock.BudgetDate(claim.SettledAt);
        var week = SettlementWeek.Of(day);
        History.Admitted(day, +1);
        if (LowThresholdRule.Candidate(claim, options) is not { } stay)
        {
            return;
        }

        Sketch(week, stay.Adrg, +1, (double)stay.TotalCost);
        if (ClosedThrough is { } closed && week <= closed)
        {
            // Settled into a week already judged (a late row): counted against the median the week's stays of its DRG
            // were judged against (the latest known when it had none of them), the week not judged again.
            Classify(week, stay);
            return;
        }

        if (!_pending.TryGetValue(week, out var waiting))
        {
            _pending[week] = waiting = [];
        }

        waiting.Add(stay);
    }

    /// <summary>The weeks with stays waiting that ended before <paramref name="currentWeek"/>, oldest first.</summary>
    public List<int> EndedBefore(int currentWeek) => [.. _pending.Keys.Where(w => w < currentWeek)];

    /// <summary>The DRGs whose medians closing these weeks needs.</summary>
    public string[] DrgsOf(IEnumerable<int> weeks) => [.. weeks.SelectMany(w => _pending[w]).Select(s => s.Adrg).Distinct(StringComparer.Ordinal)];

    /// <summary>Classifies the stays of the ended weeks against the region's medians.</summary>
    public void Close(IReadOnlyList<int> ended, Dictionary<string, double> medians)
    {
        _medians = medians;
        foreach (var week in ended)
        {
            foreach (var stay in _pending[week])
            {
                Classify(week, stay);
            }

            _pending.Remove(week);
        }

        ClosedThrough = Math.Max(ClosedThrough ?? ended[^1], ended[^1]);
    }

    /// <summary>Judges one closed week against the hospital's own past and its peers (<see cref="LowThresholdJudgement"/>).</summary>
    public WeekJudgement Judge(LowThresholdAlarm alarm, int week, PeerReference peers)
    {
        var tally = History.Week(week);
        var window = History.ByDrg(week, options.PeerWindowWeeks);
        var comparable = peers.Peers >= options.MinPeers && peers.PooledShare is not null;
        var versusPeers = comparable ? ObservedExpected.Of(ShareHistory.Strata(window, peers.ReferenceFor)) : ObservedExpected.Empty;
        var ownBefore = History.Before(alarm.Track.OnsetPeriod ?? week, options.BaselineWeeks);
        return LowThresholdJudgement.Judge(alarm, week, tally.Stays, tally.ShortAndCheap, ownBefore, peers.MedianShare,
            versusPeers, comparable, options);
    }

    public Alert AlertOf(HospitalPlacement place, string name, WeekJudgement judgement, AlertTransition transition, PeerReference peers, DateTimeOffset now)
    {
        var window = History.ByDrg(judgement.Week, options.PeerWindowWeeks);
        var from = judgement.Next.Track.OnsetPeriod ?? judgement.Week - options.PeerWindowWeeks + 1;
        var examples = History.Examples(from, judgement.Week, options.ExampleClaims);
        return LowThresholdAlerts.Of(place, name, judgement, transition,
            (window.Values.Sum(c => (long)c.Stays), window.Values.Sum(c => (long)c.ShortAndCheap)), peers, examples, options, now);
    }

    /// <summary>The hospital's monthly shares beside its peers' and where its alarm stands.</summary>
    public LowThresholdStanding Standing(string hospitalId, LowThresholdAlarm alarm, PeerReference peers)
    {
        var baseline = alarm.FrozenBaseline ?? (ClosedThrough is { } week
            ? LowThresholdJudgement.Baseline(History.Before(alarm.Track.OnsetPeriod ?? week + 1, options.BaselineWeeks), peers.MedianShare, options)
            : null);
        return new LowThresholdStanding(hospitalId, ClosedThrough is { } through ? SettlementWeek.Start(through).AddDays(6) : null,
            History.Months, peers.Months, peers.Peers, baseline, peers.MedianShare, alarm.Level, alarm.Track.Statistic,
            options.CusumThreshold, alarm.Track.OnsetPeriod is { } onset ? SettlementWeek.Start(onset) : null);
    }

    /// <summary>Drops the weeks before <paramref name="oldestWeek"/>: the window a rebuild would read.</summary>
    public void Evict(int oldestWeek)
    {
        Retain(oldestWeek);
        History.Evict(oldestWeek);
        foreach (var week in _weekCosts.Keys.TakeWhile(w => w < oldestWeek).ToList())
        {
            // An evicted week's stays leave the region's median too: the sketch covers the retention, as a rebuild would.
            foreach (var (drg, costs) in _weekCosts[week])
            {
                Costs[drg].Subtract(costs);
            }

            _weekCosts.Remove(week);
        }

        foreach (var week in _judgedAgainst.Keys.TakeWhile(w => w < oldestWeek).ToList())
        {
            _judgedAgainst.Remove(week);
        }
    }

    /// <summary>Counters held (cost buckets, medians, waiting stays): the watch's size, bounded by its weeks and DRGs.</summary>
    public int Entries =>
        _weekCosts.Values.Sum(w => w.Values.Sum(c => c.Buckets)) + _judgedAgainst.Values.Sum(w => w.Count) + _pending.Values.Sum(w => w.Count);

    private void Uncount(ClaimEvent settled)
    {
        var day = BudgetClock.BudgetDate(settled.SettledAt);
        var week = SettlementWeek.Of(day);
        if (week < _oldestWeek)
        {
            return;
        }

        History.Admitted(day, -1);
        if (LowThresholdRule.Candidate(settled, options) is not { } stay)
        {
            return;
        }

        Sketch(week, stay.Adrg, -1, (double)stay.TotalCost);
        if (_pending.TryGetValue(week, out var waiting))
        {
            waiting.RemoveAll(s => s.ClaimId == stay.ClaimId);
        }
        else if (_judgedAgainst.GetValueOrDefault(week)?.GetValueOrDefault(stay.Adrg, double.NaN) is { } median && !double.IsNaN(median))
        {
            History.Judged(week, stay, LowThresholdRule.IsShortAndCheap(stay, median, options), 0, -1);
        }
    }

    private void Classify(int week, AdmissionCandidate stay)
    {
        if (!_judgedAgainst.TryGetValue(week, out var judged))
        {
            _judgedAgainst[week] = judged = new(StringComparer.Ordinal);
        }

        if (!judged.TryGetValue(stay.Adrg, out var median))
        {
            judged[stay.Adrg] = median = _medians.GetValueOrDefault(stay.Adrg, double.NaN);
        }

        if (!double.IsNaN(median))
        {
            History.Judged(week, stay, LowThresholdRule.IsShortAndCheap(stay, median, options), median, +1);
        }
    }

    private void Sketch(int week, string drgCode, int sign, double cost)
    {
        if (!_weekCosts.TryGetValue(week, out var costs))
        {
            _weekCosts[week] = costs = new(StringComparer.Ordinal);
        }

        foreach (var sketch in new[] { Sketch(costs, drgCode), Sketch(Costs, drgCode) })
        {
            if (sign > 0)
            {
                sketch.Add(cost);
            }
            else
            {
                sketch.Remove(cost);
            }
        }
    }

    private static QuantileSketch Sketch(Dictionary<string, QuantileSketch> costs, string drgCode)
    {
        if (!costs.TryGetValue(drgCode, out var sketch))
        {
            costs[drgCode] = sketch = new QuantileSketch();
        }

        return sketch;
    }
}
