using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Storage;
using Monitoring.Watch;

namespace Monitoring.LowThreshold;

/// <summary>
/// A hospital's low-threshold watch: counts its settlements as they come (<see cref="HospitalAdmissionWeeks"/>), and when
/// a settlement week ends classifies the week's stays against the region's DRG medians, reports to the region's peers,
/// judges the week and publishes what changed. Only the alarm is stored, and only when it changes: the weeks are a
/// function of the ledger, which the watch rebuilds them from, judging and publishing only the weeks after the last one
/// the stored alarm had judged. Alert ids derive from hospital, week and transition, so a week judged again after a
/// crash yields the alert the store already holds.
/// </summary>
public sealed class LowThresholdGrain(
    [PersistentState("low-threshold", GrainStorage.FundState)] IPersistentState<LowThresholdState> state,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<LowThresholdOptions> options,
    IOptions<CheckpointOptions> catchUp,
    TimeProvider clock,
    ILogger<LowThresholdGrain> logger) : WatchGrain(ledger, registry, catchUp, logger), ILowThresholdGrain
{
    private readonly HospitalAdmissionWeeks _weeks = new(options.Value);
    private PeerReference _peers = PeerReference.None;

    private LowThresholdOptions Options => options.Value;

    public Task<LowThresholdStanding> GetStandingAsync() => Task.FromResult(_weeks.Standing(Key, state.State.Current, _peers));

    protected override string Size => $"{_weeks.Entries} counters, closed through week {_weeks.ClosedThrough}";

    protected override IReadOnlyCollection<string> HospitalsOf(FundRegistry current) => [Key];

    /// <summary>The retention before the latest week; a reversal of a settlement older than it takes nothing back.</summary>
    protected override DateTimeOffset RebuildFrom(DateTimeOffset latest, FundRegistry current)
    {
        _weeks.Retain(SettlementWeek.Of(latest) - Options.RetentionWeeks);
        return new(SettlementWeek.Start(SettlementWeek.Of(latest) - Options.RetentionWeeks).ToDateTime(TimeOnly.MinValue), BudgetClock.ChinaOffset);
    }

    protected override async ValueTask TakeAsync(LedgerEntry row) =>
        _weeks.Count(row.Claim, row.Claim.Kind == ClaimKind.Reversal ? await ReversedByAsync(row.Claim) : null);

    /// <summary>The weeks that ended: classify their stays, tell the peers, judge each week in order, publish, store.</summary>
    protected override async Task JudgeAsync(DateTimeOffset watermark, FundRegistry current)
    {
        var currentWeek = SettlementWeek.Of(watermark);
        var ended = _weeks.EndedBefore(currentWeek);
        if (ended.Count == 0 || !current.Hospitals.TryGetValue(Key, out var entry))
        {
            return;
        }

        var peers = GrainFactory.GetGrain<ILowThresholdPeersGrain>(entry.Placement.RegionId);
        _weeks.Close(ended, await peers.ShareCostsAsync(Key, _weeks.Costs, _weeks.DrgsOf(ended)));
        _peers = await peers.CompareAsync(new HospitalShareReport(entry.Placement, entry.Hospital.Level, ended[^1],
            _weeks.History.ByDrg(ended[^1], Options.PeerWindowWeeks), _weeks.History.Months));

        var alarm = state.State.Current;
        var alerts = new List<Alert>();
        foreach (var week in ended.Where(w => alarm.JudgedThroughWeek is not { } judged || w > judged))
        {
            var judgement = _weeks.Judge(alarm, week, _peers);
            if (judgement.Transition is { } transition)
            {
                alerts.Add(_weeks.AlertOf(entry.Placement, entry.Hospital.Name, judgement, transition, _peers, clock.GetUtcNow()));
            }

            alarm = judgement.Next;
        }

        state.State.Alarm = alarm;
        if (alerts.Count > 0)
        {
            await publisher.RaiseAsync(alerts);
            await state.WriteStateAsync();
        }

        _weeks.Evict(currentWeek - Options.RetentionWeeks);
    }
}
