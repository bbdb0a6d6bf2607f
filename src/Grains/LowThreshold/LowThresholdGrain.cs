using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Statistics;
using Monitoring.Storage;

namespace Monitoring.LowThreshold;

/// <summary>
/// A hospital's low-threshold watch: counts its settlements as they come, and when a settlement week ends classifies
/// the week's stays against the region's DRG medians (<see cref="LowThresholdRule"/>), reports to the region's peers,
/// judges the week (<see cref="LowThresholdJudgement"/>) and publishes what changed. Only the alarm is stored, and only
/// when it changes: the weeks are a function of the ledger, so activation rebuilds them from there and judges, and
/// publishes, only the weeks after the last one the stored alarm had judged. Alert ids derive from hospital, week and
/// transition, so a week judged again after a crash yields the alert the store already holds.
/// </summary>
public sealed class LowThresholdGrain(
    [PersistentState("low-threshold", GrainStorage.FundState)] IPersistentState<LowThresholdState> state,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<LowThresholdOptions> options,
    TimeProvider clock,
    ILogger<LowThresholdGrain> logger) : Grain, ILowThresholdGrain
{
    private readonly ShareHistory _history = new();
    private readonly Dictionary<string, QuantileSketch> _costs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountedStay> _counted = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, List<AdmissionCandidate>> _pending = [];
    private Dictionary<string, double> _medians = new(StringComparer.Ordinal);
    private PeerReference _peers = PeerReference.None;
    private long _cursor;
    private int? _closedThrough;

    private string Key => this.GetPrimaryKeyString();

    private LowThresholdOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await ledger.LatestSettlementAsync([Key], cancellationToken) is not { } latest)
        {
            return;
        }

        var rows = new List<LedgerEntry>();
        var since = new DateTimeOffset(SettlementWeek.Start(SettlementWeek.Of(latest) - Options.RetentionWeeks).ToDateTime(TimeOnly.MinValue), BudgetClock.ChinaOffset);
        await foreach (var row in ledger.ReadRecentAsync([Key], since, cancellationToken))
        {
            rows.Add(row);
        }

        await ApplyAsync(rows, latest);
        logger.LogDebug("Low-threshold watch {Hospital} rebuilt from {Rows} ledger rows through week {Week}", Key, rows.Count, _closedThrough);
    }

    public Task RecordAsync(LedgerEntry[] rows, DateTimeOffset watermark) => ApplyAsync(rows, watermark);

    public Task<LowThresholdStanding> GetStandingAsync()
    {
        var alarm = state.State.Current;
        var baseline = alarm.FrozenBaseline ?? (_closedThrough is { } week
            ? LowThresholdJudgement.Baseline(_history.Before(alarm.Track.OnsetPeriod ?? week + 1, Options.BaselineWeeks), _peers.MedianShare, Options)
            : null);
        return Task.FromResult(new LowThresholdStanding(
            Key,
            _closedThrough is { } through ? SettlementWeek.Start(through).AddDays(6) : null,
            _history.Months,
            _peers.Months,
            _peers.Peers,
            baseline,
            _peers.MedianShare,
            alarm.Level,
            alarm.Track.Statistic,
            Options.CusumThreshold,
            alarm.Track.OnsetPeriod is { } onset ? SettlementWeek.Start(onset) : null));
    }

    private async Task ApplyAsync(IReadOnlyList<LedgerEntry> rows, DateTimeOffset watermark)
    {
        foreach (var row in rows)
        {
            if (row.Movement.HospitalSeq <= _cursor)
            {
                continue;
            }

            _cursor = row.Movement.HospitalSeq;
            Count(row.Claim);
        }

        var currentWeek = SettlementWeek.Of(watermark);
        var ended = _pending.Keys.Where(w => w < currentWeek).ToList();
        if (ended.Count > 0)
        {
            await CloseAsync(ended, currentWeek);
        }
    }

    /// <summary>What one row changes: an admission counted (or taken back), a stay waiting for its week to end.</summary>
    private void Count(ClaimEvent claim)
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
        _history.Admitted(day, +1);
        if (LowThresholdRule.Candidate(claim, Options) is not { } stay)
        {
            _counted[claim.ClaimId] = new CountedStay(week, day, null, false, false);
            return;
        }

        Costs(stay.Adrg).Add((double)stay.TotalCost);
        if (_closedThrough is { } closed && week <= closed)
        {
            // Settled into a week already judged (a late row): counted with the medians last known, not judged again.
            _counted[stay.ClaimId] = Judge(week, stay);
            return;
        }

        _counted[stay.ClaimId] = new CountedStay(week, day, stay, false, false);
        if (!_pending.TryGetValue(week, out var waiting))
        {
            _pending[week] = waiting = [];
        }

        waiting.Add(stay);
    }

    private void Uncount(CountedStay counted)
    {
        _history.Admitted(counted.SettledDay, -1);
        if (counted.Candidate is not { } stay)
        {
            return;
        }

        Costs(stay.Adrg).Remove((double)stay.TotalCost);
        if (counted.Judged)
        {
            _history.Judged(counted.Week, stay, counted.ShortAndCheap, 0, -1);
        }
        else if (_pending.TryGetValue(counted.Week, out var waiting))
        {
            waiting.RemoveAll(s => s.ClaimId == stay.ClaimId);
        }
    }

    private CountedStay Judge(int week, AdmissionCandidate stay)
    {
        if (!_medians.TryGetValue(stay.Adrg, out var median))
        {
            return new CountedStay(week, stay.SettledDay, stay, false, false);
        }

        var shortAndCheap = LowThresholdRule.IsShortAndCheap(stay, median, Options);
        _history.Judged(week, stay, shortAndCheap, median, +1);
        return new CountedStay(week, stay.SettledDay, stay, true, shortAndCheap);
    }

    /// <summary>The weeks that ended: classify their stays, tell the peers, judge each week in order, publish, store.</summary>
    private async Task CloseAsync(List<int> ended, int currentWeek)
    {
        var current = await registry.CurrentAsync();
        if (!current.Hospitals.TryGetValue(Key, out var entry))
        {
            return;
        }

        var peers = GrainFactory.GetGrain<ILowThresholdPeersGrain>(entry.Placement.RegionId);
        var drgs = ended.SelectMany(w => _pending[w]).Select(s => s.Adrg).Distinct(StringComparer.Ordinal).ToArray();
        _medians = await peers.ShareCostsAsync(Key, _costs, drgs);
        foreach (var week in ended)
        {
            foreach (var stay in _pending[week])
            {
                _counted[stay.ClaimId] = Judge(week, stay);
            }

            _pending.Remove(week);
        }

        var last = ended[^1];
        _closedThrough = Math.Max(_closedThrough ?? last, last);
        _peers = await peers.CompareAsync(new HospitalShareReport(entry.Placement, entry.Hospital.Level, last,
            _history.ByDrg(last, Options.PeerWindowWeeks), _history.Months));

        var alarm = state.State.Current;
        var alerts = new List<Alert>();
        foreach (var week in ended.Where(w => alarm.JudgedThroughWeek is not { } judged || w > judged))
        {
            var judgement = JudgeWeek(alarm, week);
            if (judgement.Transition is { } transition)
            {
                alerts.Add(AlertOf(entry.Placement, entry.Hospital.Name, judgement, transition));
            }

            alarm = judgement.Next;
        }

        if (alerts.Count > 0)
        {
            await publisher.RaiseAsync(alerts);
            state.State.Alarm = alarm;
            await state.WriteStateAsync();
        }
        else
        {
            state.State.Alarm = alarm;
        }

        Evict(currentWeek - Options.RetentionWeeks);
    }

    private WeekJudgement JudgeWeek(LowThresholdAlarm alarm, int week)
    {
        var tally = _history.Week(week);
        var window = _history.ByDrg(week, Options.PeerWindowWeeks);
        var comparable = _peers.Peers >= Options.MinPeers && _peers.PooledShare is not null;
        var versusPeers = comparable ? ObservedExpected.Of(ShareHistory.Strata(window, _peers.ReferenceFor)) : ObservedExpected.Empty;
        var ownBefore = _history.Before(alarm.Track.OnsetPeriod ?? week, Options.BaselineWeeks);
        return LowThresholdJudgement.Judge(alarm, week, tally.Stays, tally.ShortAndCheap, ownBefore, _peers.MedianShare,
            versusPeers, comparable, Options);
    }

    private Alert AlertOf(HospitalPlacement place, string name, WeekJudgement judgement, AlertTransition transition)
    {
        var window = _history.ByDrg(judgement.Week, Options.PeerWindowWeeks);
        var from = judgement.Next.Track.OnsetPeriod ?? judgement.Week - Options.PeerWindowWeeks + 1;
        var examples = _history.Examples(from, judgement.Week, Options.ExampleClaims);
        return LowThresholdAlerts.Of(place, name, judgement, transition,
            (window.Values.Sum(c => (long)c.Stays), window.Values.Sum(c => (long)c.ShortAndCheap)), _peers, examples, Options, clock.GetUtcNow());
    }

    private void Evict(int oldestWeek)
    {
        _history.Evict(oldestWeek);
        foreach (var claimId in _counted.Where(c => c.Value.Week < oldestWeek).Select(c => c.Key).ToList())
        {
            var counted = _counted[claimId];
            _counted.Remove(claimId);
            if (counted.Candidate is { } stay)
            {
                // An evicted stay leaves the region's median too: the sketch covers the retention, as a rebuild would.
                Costs(stay.Adrg).Remove((double)stay.TotalCost);
            }
        }
    }

    private QuantileSketch Costs(string drgCode)
    {
        if (!_costs.TryGetValue(drgCode, out var sketch))
        {
            _costs[drgCode] = sketch = new QuantileSketch();
        }

        return sketch;
    }
}

/// <summary>The stored part of a hospital's low-threshold watch: its alarm.</summary>
/// <remarks>
/// Null, not <see cref="LowThresholdAlarm.Quiet"/>, until the first week is judged: reading a stored state on activation
/// was seen (in <c>LowThresholdGrainTests</c>) to overwrite the shared <c>Quiet</c> instances the constructor's default
/// pointed at, so that every other watch's "quiet" carried one hospital's CUSUM.
/// </remarks>
[GenerateSerializer]
public sealed class LowThresholdState
{
    [Id(0)] public LowThresholdAlarm? Alarm { get; set; }

    public LowThresholdAlarm Current => Alarm ?? LowThresholdAlarm.Quiet;
}
