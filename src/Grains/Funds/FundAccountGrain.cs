using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Claims;
using Monitoring.Funds.Snapshots;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Publishing;
using Monitoring.Registry;

namespace Monitoring.Funds;

/// <summary>
/// The shell every fund account shares: on activation it loads its checkpoint and replays the ledger rows of its
/// member hospitals after it; it counts deltas exactly once (<see cref="FundAccounting"/>), fills gaps from the
/// ledger, and writes checkpoints by count or time, never per claim.
/// </summary>
public abstract class FundAccountGrain(
    IPersistentState<FundAccountState> account,
    IClaimsLedger ledger,
    RegistryCatalog registry,
    PaceJudgement pace,
    IPublisher publisher,
    IOptions<CheckpointOptions> checkpoints,
    ILogger logger) : Grain, IFundAccountGrain
{
    private const int ReplayChunk = 10_000;
    private long _rowsSinceCheckpoint;
    private bool _absorbedSinceJudged = true;
    private IGrainTimer? _checkpointTimer;

    // The latest settlement time a dispatch asked this account to be judged through, and whether that judgement is
    // still owed (it threw, or rows came in by catch-up): the periodic catch-up pays it, since the next dispatch may
    // never come for an account whose hospitals have stopped settling.
    private DateTimeOffset? _judgedWatermark;
    private bool _judgementOwed;

    protected string Key => this.GetPrimaryKeyString();

    /// <summary>A <see cref="FundLevel"/>.</summary>
    protected abstract string Level { get; }

    /// <summary>The hospitals whose ledger rows this account sums, as the registry in force has them.</summary>
    protected abstract IEnumerable<string> MemberHospitals(FundRegistry registry);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var replayed = await CatchUpAsync(cancellationToken);
        if (replayed > 0)
        {
            // A first activation reading its history is routine; catching up past a checkpoint is a recovery worth a line.
            logger.Log(account.RecordExists ? LogLevel.Information : LogLevel.Debug,
                "{Grain} {Key} replayed {Rows} ledger rows after its checkpoint", GetType().Name, Key, replayed);
        }

        // A dispatch that failed is otherwise repaired only by the next delta from that hospital, which may never
        // come: while active, the account looks at the ledger itself now and then.
        this.RegisterGrainTimer(static (grain, ct) => grain.PeriodicCatchUpAsync(ct), this,
            new GrainTimerCreationOptions(checkpoints.Value.CatchUpInterval, checkpoints.Value.CatchUpInterval));
    }

    /// <summary>Counts every ledger row of the member hospitals past the account's cursors.</summary>
    private async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        var members = new HashSet<string>(MemberHospitals(await registry.CurrentAsync()), StringComparer.Ordinal);
        members.UnionWith(account.State.Cursors.Keys);
        var ranges = members.Select(h => new HospitalCursor(h, FundAccounting.CursorOf(account.State, h))).ToList();
        return await ReplayAsync(ranges, cancellationToken);
    }

    private async Task PeriodicCatchUpAsync(CancellationToken cancellationToken)
    {
        var replayed = await CatchUpAsync(cancellationToken);
        if (replayed > 0)
        {
            logger.LogWarning("{Grain} {Key} found {Rows} ledger rows never delivered to it and counted them", GetType().Name, Key, replayed);
        }

        if ((replayed > 0 || _judgementOwed) && _judgedWatermark is { } watermark)
        {
            await PaceThroughAsync(watermark);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown || checkpoints.Value.WriteOnShutdown)
        {
            await CheckpointAsync();
        }
    }

    public Task<FundBalance> GetBalanceAsync() => Task.FromResult(FundAccounting.Balance(account.State));

    public async Task<FundStatus> GetStatusAsync()
    {
        var profile = FundAccountProfile.Find(Level, Key, await registry.CurrentAsync())
            ?? throw new InvalidOperationException($"{Level} {Key} is not in the registry in force");
        return Status(profile);
    }

    public async Task<DayTotal[]> GetDaysAsync()
    {
        var fundYear = (await registry.CurrentAsync()).FundYear;
        var state = account.State;
        return [.. state.Days.Where(d => d.Key / 10000 == fundYear).OrderBy(d => d.Key)
            .Select(d => new DayTotal(d.Key, d.Value, state.DayClaims.GetValueOrDefault(d.Key)))];
    }

    /// <summary>Counts each delta once, filling any gap before it from the ledger.</summary>
    public async Task AbsorbAsync(FundDelta[] deltas)
    {
        foreach (var delta in deltas)
        {
            await AbsorbDeltaAsync(delta);
        }
    }

    /// <summary>
    /// Judges budget pace for every settlement day that ended before <paramref name="watermark"/> (the latest
    /// settlement time of the batch just counted), publishes what that raised, and reports the new status.
    /// </summary>
    public async Task PaceThroughAsync(DateTimeOffset watermark)
    {
        if (_judgedWatermark is not { } known || watermark > known)
        {
            _judgedWatermark = watermark;
        }

        _judgementOwed = true;
        await JudgeThroughAsync(_judgedWatermark.Value);
        _judgementOwed = false;
    }

    private async Task JudgeThroughAsync(DateTimeOffset watermark)
    {
        var profile = FundAccountProfile.Find(Level, Key, await registry.CurrentAsync());
        if (profile is null)
        {
            return;
        }

        var state = account.State;
        var absorbedSinceJudged = _absorbedSinceJudged;
        var judgedBefore = (state.PacedThrough, state.PaceLevel, state.Exhausted);
        await ApplyAsync(pace.Advance(state.Days, state.DayClaims, Standing(state), profile, BudgetClock.BudgetDate(watermark).AddDays(-1)));

        // The day still open is not judged until it ends, but the settlement that spends the whole budget is an
        // overrun the moment it is counted.
        await ApplyAsync(pace.Crossing(state.Days, state.DayClaims, Standing(state), profile));
        if ((state.PacedThrough, state.PaceLevel, state.Exhausted) != judgedBefore)
        {
            await CountedAsync(1);
        }
        else if (!absorbedSinceJudged)
        {
            // Judged for a county's time that had not moved a day for this account: nothing new to tell.
            return;
        }

        _absorbedSinceJudged = false;
        publisher.FundChanged(Status(profile));
    }

    private static PaceStanding Standing(FundAccountState state) =>
        new(state.PacedThrough, state.PaceLevel, state.Exhausted, state.PaceLevelSince);

    /// <summary>Publishes what a judgement raised, then records where it stands.</summary>
    private async Task ApplyAsync(PaceProgress progress)
    {
        if (progress.Alerts.Count > 0)
        {
            // Stored before the judgement is recorded: if storing fails, the same days are judged again next time.
            await publisher.RaiseAsync(progress.Alerts);

            // A level that clears ends its episode: the alerts it raised become resolved.
            foreach (var cleared in progress.Alerts.Where(a => a.Transition == Alerts.AlertTransition.Cleared))
            {
                await publisher.ResolveAsync(cleared);
            }
        }

        var state = account.State;
        state.PacedThrough = progress.PacedThrough;
        state.PaceLevel = progress.Level;
        state.Exhausted = progress.Exhausted;
        state.PaceLevelSince = progress.LevelSince;
    }

    private FundStatus Status(FundAccountProfile profile)
    {
        var state = account.State;
        var (reading, yearEnd) = pace.Read(state.Days, state.DayClaims, state.LastSettledAt, state.PacedThrough, state.PaceLevel, profile);
        return FundAccountStatus.Of(profile, FundAccounting.Balance(state), reading, yearEnd);
    }

    private async Task AbsorbDeltaAsync(FundDelta delta)
    {
        var outcome = FundAccounting.Apply(account.State, delta);
        if (outcome == DeltaOutcome.AlreadyCounted)
        {
            return;
        }

        if (outcome == DeltaOutcome.Gap)
        {
            var cursor = FundAccounting.CursorOf(account.State, delta.HospitalId);
            var missing = new List<FundMovement>();
            await foreach (var movement in ledger.ReadMovementsAsync([new HospitalCursor(delta.HospitalId, cursor, delta.ToSeq)]))
            {
                missing.Add(movement);
            }

            if (missing.Count == 0 || missing[^1].HospitalSeq != delta.ToSeq)
            {
                throw new InvalidOperationException(
                    $"{Key}: ledger has no rows {cursor + 1}..{delta.ToSeq} of {delta.HospitalId}; a delta arrived for rows the ledger does not hold");
            }

            delta = FundDelta.Fold(delta.HospitalId, missing);
            FundAccounting.Apply(account.State, delta);
        }

        _absorbedSinceJudged = true;
        await CountedAsync(delta.ToSeq - delta.FromSeq + 1);
    }

    private async Task<long> ReplayAsync(IReadOnlyCollection<HospitalCursor> ranges, CancellationToken cancellationToken)
    {
        long replayed = 0;
        var run = new List<FundMovement>(ReplayChunk);
        await foreach (var movement in ledger.ReadMovementsAsync(ranges, cancellationToken))
        {
            if (run.Count == ReplayChunk || (run.Count > 0 && run[0].HospitalId != movement.HospitalId))
            {
                replayed += Flush(run);
            }

            run.Add(movement);
        }

        replayed += Flush(run);
        if (replayed > 0)
        {
            _absorbedSinceJudged = true;
            await CountedAsync(replayed);
        }

        return replayed;

        long Flush(List<FundMovement> movements)
        {
            if (movements.Count == 0)
            {
                return 0;
            }

            var delta = FundDelta.Fold(movements[0].HospitalId, movements);
            movements.Clear();
            return FundAccounting.Apply(account.State, delta) == DeltaOutcome.Applied ? delta.ToSeq - delta.FromSeq + 1 : 0;
        }
    }

    private async Task CountedAsync(long rows)
    {
        _rowsSinceCheckpoint += rows;
        if (_rowsSinceCheckpoint >= checkpoints.Value.MaxRowsBetween)
        {
            await CheckpointAsync();
        }
        else
        {
            _checkpointTimer ??= this.RegisterGrainTimer(
                static (grain, _) => grain.CheckpointAsync(),
                this,
                new GrainTimerCreationOptions(checkpoints.Value.Interval, Timeout.InfiniteTimeSpan));
        }
    }

    private async Task CheckpointAsync()
    {
        _checkpointTimer?.Dispose();
        _checkpointTimer = null;
        if (_rowsSinceCheckpoint == 0)
        {
            return;
        }

        await account.WriteStateAsync();
        _rowsSinceCheckpoint = 0;
    }
}
