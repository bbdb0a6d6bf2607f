using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Claims;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Watch;

/// <summary>
/// The shell every detector shares, so that a detector is its rule, its options, its wording and what it does with a
/// row. It keeps a cursor per hospital and takes each ledger row once, in sequence order; a row that arrives after a
/// gap (a dispatch was lost) has the missing rows read from the ledger first. On activation it rebuilds the detector's
/// window from the ledger's recent rows and sets each cursor to the hospital's last row; while active it asks the
/// ledger now and then (<see cref="CheckpointOptions.CatchUpInterval"/>) for rows that never reached it, since the next
/// batch may never come. Findings are a function of the ledger, and alert ids derive from what they are about, so a
/// rebuild or catch-up that finds a thing again stores and pushes nothing twice.
/// </summary>
public abstract class WatchGrain(IClaimsLedger ledger, RegistryCatalog registry, IOptions<CheckpointOptions> catchUp, ILogger logger)
    : Grain, IWatchGrain
{
    private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal);
    private DateTimeOffset? _watermark;

    protected string Key => this.GetPrimaryKeyString();

    protected RegistryCatalog Registry => registry;

    /// <summary>The hospitals whose rows this watch reads, as the registry in force places them.</summary>
    protected abstract IReadOnlyCollection<string> HospitalsOf(FundRegistry current);

    /// <summary>Where a rebuild starts reading, given the latest settlement among the hospitals: the detector's window.</summary>
    protected abstract DateTimeOffset RebuildFrom(DateTimeOffset latest, FundRegistry current);

    /// <summary>Sets up what the detector holds before the rebuild (thresholds of its county, the fund year).</summary>
    protected virtual void Start(FundRegistry current)
    {
    }

    /// <summary>Takes one row not taken before.</summary>
    protected abstract ValueTask TakeAsync(LedgerEntry row);

    /// <summary>
    /// Judges what the rows taken since the last call changed, up to <paramref name="watermark"/> (the latest settlement
    /// time this watch has been shown), and publishes it.
    /// </summary>
    protected abstract Task JudgeAsync(DateTimeOffset watermark, FundRegistry current);

    /// <summary>
    /// Whether the registry in force has outlived what the detector holds (a new fund year for a watch of one year):
    /// the watch then deactivates without taking the rows, and its next activation rebuilds from the ledger, those rows
    /// among them.
    /// </summary>
    protected virtual bool Outlived(FundRegistry current) => false;

    /// <summary>What the detector holds, for the rebuild's log line.</summary>
    protected abstract string Size { get; }

    /// <summary>
    /// The settlement a reversal takes back, as the ledger holds it, when this watch has taken it: a detector keeps sums,
    /// not claims, and reads what a reversal undoes instead of holding every claim in case one comes.
    /// </summary>
    protected async Task<ClaimEvent?> ReversedByAsync(ClaimEvent reversal)
    {
        if (reversal.ReversesClaimId is not { } id)
        {
            return null;
        }

        var found = await ledger.ReadClaimsAsync([id]);
        return found is [{ Entry: { Movement: var movement, Claim: { Kind: ClaimKind.Settlement } settlement } }]
            && _cursors.TryGetValue(movement.HospitalId, out var cursor) && movement.HospitalSeq <= cursor
            ? settlement
            : null;
    }

    /// <summary>
    /// The settlements of the watch's hospitals settled since <paramref name="since"/> that it has taken and not seen
    /// reversed, in ledger order: what a finding names its example claims from, read only when one is worded.
    /// </summary>
    protected async Task<IReadOnlyList<ClaimEvent>> SettledSinceAsync(DateTimeOffset since, FundRegistry current)
    {
        var settled = new List<ClaimEvent>();
        var reversed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in ledger.ReadRecentAsync(HospitalsOf(current), since))
        {
            if (row.Movement.HospitalSeq > _cursors.GetValueOrDefault(row.Movement.HospitalId))
            {
                continue;
            }

            if (row.Claim is { Kind: ClaimKind.Reversal, ReversesClaimId: { } id })
            {
                reversed.Add(id);
            }
            else
            {
                settled.Add(row.Claim);
            }
        }

        return [.. settled.Where(c => !reversed.Contains(c.ClaimId))];
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var current = await registry.CurrentAsync();
        Start(current);
        var hospitals = HospitalsOf(current);
        var last = await ledger.LastSequencesAsync(hospitals, cancellationToken);
        var rows = 0;
        if (await ledger.LatestSettlementAsync(hospitals, cancellationToken) is { } latest)
        {
            await foreach (var row in ledger.ReadRecentAsync(hospitals, RebuildFrom(latest, current), cancellationToken))
            {
                rows += await TakeOnceAsync(row) ? 1 : 0;
            }

            Advance(latest);
            await JudgeAsync(_watermark!.Value, current);
        }

        // What was older than the window stays behind the cursor: a later gap fill reads only what came after.
        foreach (var (hospital, seq) in last)
        {
            _cursors[hospital] = Math.Max(_cursors.GetValueOrDefault(hospital), seq);
        }

        this.RegisterGrainTimer(static (grain, ct) => grain.CatchUpAsync(ct), this,
            new GrainTimerCreationOptions(catchUp.Value.CatchUpInterval, catchUp.Value.CatchUpInterval));
        logger.LogDebug("{Grain} {Key} rebuilt from {Rows} ledger rows: {Size}", GetType().Name, Key, rows, Size);
    }

    public async Task RecordAsync(LedgerEntry[] rows, DateTimeOffset watermark)
    {
        var current = await registry.CurrentAsync();
        if (Outlived(current))
        {
            this.DeactivateOnIdle();
            return;
        }

        foreach (var row in rows)
        {
            var movement = row.Movement;
            var cursor = _cursors.GetValueOrDefault(movement.HospitalId);
            if (movement.HospitalSeq > cursor + 1)
            {
                await ReadAsync([new HospitalCursor(movement.HospitalId, cursor, movement.HospitalSeq - 1)], CancellationToken.None);
            }

            await TakeOnceAsync(row);
        }

        Advance(watermark);
        await JudgeAsync(_watermark!.Value, current);
    }

    /// <summary>Reads every row of the watch's hospitals past their cursors; judges if there were any.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (Outlived(await registry.CurrentAsync()))
        {
            this.DeactivateOnIdle();
            return;
        }

        var found = await ReadAsync([.. _cursors.Select(c => new HospitalCursor(c.Key, c.Value))], cancellationToken);
        if (found == 0 || _watermark is not { } watermark)
        {
            return;
        }

        logger.LogWarning("{Grain} {Key} found {Rows} ledger rows never delivered to it and took them", GetType().Name, Key, found);
        await JudgeAsync(watermark, await registry.CurrentAsync());
    }

    private async Task<int> ReadAsync(IReadOnlyCollection<HospitalCursor> ranges, CancellationToken cancellationToken)
    {
        var found = 0;
        await foreach (var row in ledger.ReadEntriesAsync(ranges, cancellationToken))
        {
            found += await TakeOnceAsync(row) ? 1 : 0;
        }

        return found;
    }

    private async ValueTask<bool> TakeOnceAsync(LedgerEntry row)
    {
        var movement = row.Movement;
        if (movement.HospitalSeq <= _cursors.GetValueOrDefault(movement.HospitalId))
        {
            return false;
        }

        _cursors[movement.HospitalId] = movement.HospitalSeq;
        Advance(movement.SettledAt);
        await TakeAsync(row);
        return true;
    }

    private void Advance(DateTimeOffset settledAt)
    {
        if (_watermark is not { } known || settledAt > known)
        {
            _watermark = settledAt;
        }
    }
}
