using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Registry;
using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>
/// What a hospital's low-threshold watch holds for its retention weeks: admissions counted as they come, candidate
/// stays waiting for their week to end, the week-by-week shares (<see cref="ShareHistory"/>), and its DRG cost sketches
/// for the region's medians. Each settlement is kept until its week leaves the retention, so that a reversal (冲销) takes
/// exactly what it counted back out. Plain code: the grain feeds it rows, closes weeks with the region's medians, and
/// asks it to judge.
/// </summary>
public sealed class HospitalAdmissionWeeks(LowThresholdOptions options)
{
    private readonly Dictionary<string, CountedStay> _counted = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, List<AdmissionCandidate>> _pending = [];
    private Dictionary<string, double> _medians = new(StringComparer.Ordinal);

    public ShareHistory History { get; } = new();

    /// <summary>The hospital's stay costs per DRG over the retention, the region's medians are merged from.</summary>
    public Dictionary<string, QuantileSketch> Costs { get; } = new(StringComparer.Ordinal);

    /// <summary>The last week whose stays were classified; null before any.</summary>
    public int? ClosedThrough { get; private set; }

    /// <summary>What one row changes: an admission counted (or taken back), a stay waiting for its week to end.</summary>
    public void Count(ClaimEvent claim)
    {
        if (claim.Kind == ClaimKind.Reversal)
        {
            if (claim.ReversesClaimId is { } reversed && _counted.Remove(reversed, out var counted))
            {
                Uncount(counted);
            }

            return;
        }

        var day = BudgetClock.BudgetDate(claim.SettledAt);
        var week = SettlementWeek.Of(day);
        History.Admitted(day, +1);
        if (LowThresholdRule.Candidate(claim, options) is not { } stay)
        {
            _counted[claim.ClaimId] = new CountedStay(week, day, null, false, false);
            return;
        }

        Sketch(stay.Adrg).Add((double)stay.TotalCost);
        if (ClosedThrough is { } closed && week <= closed)
        {
            // Settled into a week already judged (a late row): counted with the medians last known, not judged again.
            _counted[stay.ClaimId] = Classify(week, stay);
            return;
        }

        _counted[stay.ClaimId] = new CountedStay(week, day, stay, false, false);
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
                _counted[stay.ClaimId] = Classify(week, stay);
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
        History.Evict(oldestWeek);
        foreach (var claimId in _counted.Where(c => c.Value.Week < oldestWeek).Select(c => c.Key).ToList())
        {
            var counted = _counted[claimId];
            _counted.Remove(claimId);
            if (counted.Candidate is { } stay)
            {
                // An evicted stay leaves the region's median too: the sketch covers the retention, as a rebuild would.
                Sketch(stay.Adrg).Remove((double)stay.TotalCost);
            }
        }
    }

    private void Uncount(CountedStay counted)
    {
        History.Admitted(counted.SettledDay, -1);
        if (counted.Candidate is not { } stay)
        {
            return;
        }

        Sketch(stay.Adrg).Remove((double)stay.TotalCost);
        if (counted.Judged)
        {
            History.Judged(counted.Week, stay, counted.ShortAndCheap, 0, -1);
        }
        else if (_pending.TryGetValue(counted.Week, out var waiting))
        {
            waiting.RemoveAll(s => s.ClaimId == stay.ClaimId);
        }
    }

    private CountedStay Classify(int week, AdmissionCandidate stay)
    {
        if (!_medians.TryGetValue(stay.Adrg, out var median))
        {
            return new CountedStay(week, stay.SettledDay, stay, false, false);
        }

        var shortAndCheap = LowThresholdRule.IsShortAndCheap(stay, median, options);
        History.Judged(week, stay, shortAndCheap, median, +1);
        return new CountedStay(week, stay.SettledDay, stay, true, shortAndCheap);
    }

    private QuantileSketch Sketch(string drgCode)
    {
        if (!Costs.TryGetValue(drgCode, out var sketch))
        {
            Costs[drgCode] = sketch = new QuantileSketch();
        }

        return sketch;
    }
}
