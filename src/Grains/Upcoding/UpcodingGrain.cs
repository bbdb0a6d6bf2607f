using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.CaseMix;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Publishing;
using Monitoring.Registry;

namespace Monitoring.Upcoding;

/// <summary>
/// One hospital's coding watch: keeps its cases of the fund year (<see cref="HospitalCaseBook"/>), and each time a
/// settlement week ends (a claim of a later week proves it has) asks <see cref="CodingChange"/> where its coding stands
/// and publishes the steps not yet published. On a timer it sends its summary to the region (<see cref="ICaseMixGrain"/>)
/// and keeps the peers' shares it gets back for the evidence. No checkpoint: the book is a function of the year's ledger
/// rows, so activation rebuilds it, and the alerts the rebuild re-finds carry the same ids and are stored once.
/// </summary>
public sealed class UpcodingGrain(
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<UpcodingOptions> options,
    TimeProvider clock,
    ILogger<UpcodingGrain> logger) : Grain, IUpcodingGrain
{
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private HospitalCaseBook _book = null!;
    private long _cursor;
    private DateOnly _latestDay;
    private int _closedWeeks;
    private bool _closedWeeksChanged;
    private bool _summaryDirty;
    private CodingChangeTrace? _trace;
    private PeerShares _peers = PeerShares.None;

    /// <summary>
    /// The consistency of the heavy cases from an onset week to a week, once asked: a trace asks it again at every
    /// judgement, and the answer rests on a scan of the year's cases.
    /// </summary>
    private readonly Dictionary<(int Onset, int Week), bool> _inconsistent = [];

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var current = await registry.CurrentAsync();
        _book = new HospitalCaseBook(current.FundYear);
        var yearStart = new DateTimeOffset(current.FundYear, 1, 1, 0, 0, 0, BudgetClock.ChinaOffset);
        var rows = new List<LedgerEntry>();
        await foreach (var row in ledger.ReadRecentAsync([Key], yearStart, cancellationToken))
        {
            rows.Add(row);
        }

        Apply(rows);
        await JudgeAsync(current);
        this.RegisterGrainTimer(ReportAsync, new GrainTimerCreationOptions(options.Value.SummaryInterval, options.Value.SummaryInterval));
        logger.LogDebug("Coding watch {Hospital} rebuilt from {Rows} ledger rows: {Cases} cases, {Weeks} closed weeks", Key, rows.Count, _book.Cases, _closedWeeks);
    }

    public async Task RecordAsync(LedgerEntry[] rows)
    {
        var current = await registry.CurrentAsync();
        if (RolledOver(current))
        {
            return;
        }

        Apply(rows);
        await JudgeAsync(current);
    }

    /// <summary>
    /// Whether the fund year in force is no longer the book's: the watch then starts again (the next activation rebuilds
    /// the new year from the ledger, these rows among them), so the new year's indicators and judgements start from zero.
    /// </summary>
    private bool RolledOver(FundRegistry current)
    {
        if (current.FundYear == _book.FundYear)
        {
            return false;
        }

        this.DeactivateOnIdle();
        return true;
    }

    /// <summary>The region was (re)activated and holds nothing: the next timer tick sends the summary again.</summary>
    public Task WakeAsync()
    {
        _summaryDirty = _book.Cases > 0;
        return Task.CompletedTask;
    }

    public Task<UpcodingStanding> GetStandingAsync() => Task.FromResult(new UpcodingStanding(
        Key, _closedWeeks, _trace?.Level ?? UpcodingLevel.None, _trace?.Track.Statistic ?? 0,
        _trace?.Track.OnsetPeriod is { } onset ? _book.WeekStart(onset) : null, _book.Cases));

    /// <summary>
    /// Takes the rows into the book. A reversed case leaves the book, and the closed weeks it was in are judged again
    /// without it; the standing alert is not touched (the finding rests on the hospital's whole case mix, its claims are
    /// examples: <see cref="AlertKinds.RestingOnClaims"/>), so a hospital cannot shed a finding by reversing one.
    /// </summary>
    private void Apply(IReadOnlyList<LedgerEntry> rows)
    {
        foreach (var row in rows)
        {
            if (row.Movement.HospitalSeq <= _cursor)
            {
                continue;
            }

            _cursor = row.Movement.HospitalSeq;
            var claim = row.Claim;
            var day = BudgetClock.BudgetDate(claim.SettledAt);
            if (day > _latestDay)
            {
                _latestDay = day;
            }

            if (claim.Kind == ClaimKind.Reversal)
            {
                if (_book.Remove(claim.ReversesClaimId!) is { } removed)
                {
                    _summaryDirty = true;
                    _closedWeeksChanged |= _book.WeekOf(removed.SettledDay) < _closedWeeks;
                }
            }
            else if (CodedCase.From(claim) is { } c && _book.Add(c))
            {
                _summaryDirty = true;
                _closedWeeksChanged |= _book.WeekOf(c.SettledDay) < _closedWeeks;
            }
        }

        if (_book.WeekOf(_latestDay) is { } week && week > _closedWeeks)
        {
            _closedWeeks = week;
            _closedWeeksChanged = true;
        }
    }

    /// <summary>Traces the closed weeks again when they changed, and publishes the steps not published yet.</summary>
    private async Task JudgeAsync(FundRegistry current)
    {
        if (!_closedWeeksChanged || current.PlacementOf(Key) is not { } place)
        {
            return;
        }

        _closedWeeksChanged = false;
        var t = options.Value;
        _trace = CodingChange.Trace(_book.Weeks(_closedWeeks), t, Inconsistent);
        var now = clock.GetUtcNow();
        var name = current.Hospitals.TryGetValue(Key, out var entry) ? entry.Hospital.Name : null;
        var fresh = new List<Alert>();
        DateOnly? findingOnset = null;
        foreach (var step in _trace.Steps)
        {
            // A cleared step has a quiet track; the onset it names is that of the finding it clears.
            var onset = step.Transition == AlertTransition.Cleared && findingOnset is { } previous
                ? previous
                : _book.WeekStart(step.Track.OnsetPeriod ?? step.Week);
            findingOnset = step.Transition == AlertTransition.Cleared ? null : onset;

            // Only a step not yet published is worded: the evidence scan is the costly part of a judgement.
            if (!_published.Add(UpcodingAlerts.AlertId(Key, onset, step.Transition)))
            {
                continue;
            }

            var alert = UpcodingAlerts.Of(Finding(step, onset), place, name, t, now);
            fresh.Add(alert);
        }

        if (fresh.Count > 0)
        {
            await publisher.RaiseAsync(fresh);
        }
    }

    /// <summary>Whether the heavy cases since <paramref name="onset"/> are lighter in stay and cost than the hospital's before it.</summary>
    private bool Inconsistent(int onset, int week)
    {
        if (_inconsistent.TryGetValue((onset, week), out var known))
        {
            return known;
        }

        var start = _book.WeekStart(onset);
        var (heavyBefore, lightBefore) = _book.HeavyButLightBetween(_book.WeekStart(0), start.AddDays(-1));
        var (heavySince, lightSince) = _book.HeavyButLightBetween(start, _book.WeekStart(week).AddDays(6));
        var t = options.Value;
        return _inconsistent[(onset, week)] = HeavyButLight.Inconsistent(
            HeavyButLight.SinceOnset(heavyBefore, lightBefore.Count, heavySince, lightSince.Count, t), t);
    }

    private UpcodingFinding Finding(CodingChangeStep step, DateOnly onset)
    {
        var weekEnd = _book.WeekStart(step.Week).AddDays(6);
        var (heavy, light) = _book.HeavyButLightBetween(onset, weekEnd);
        var peers = _peers.Peers >= options.Value.MinPeers ? CodingChange.AgainstPeers(step.Run, _peers.ByAdrg) : null;
        var (heavyBefore, lightBefore) = _book.HeavyButLightBetween(_book.WeekStart(0), onset.AddDays(-1));
        return new UpcodingFinding(step, onset, weekEnd, heavy, light.Count, [.. light.Take(options.Value.MaxExampleClaims)],
            peers, _peers.Peers, _book.NormOf)
        {
            LightAgainstBefore = HeavyButLight.SinceOnset(heavyBefore, lightBefore.Count, heavy, light.Count, options.Value),
        };
    }

    /// <summary>Sends the hospital's summary to its region when it changed, and keeps the peers' shares it answers with.</summary>
    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        if (!_summaryDirty)
        {
            return;
        }

        var current = await registry.CurrentAsync();
        if (RolledOver(current) || current.PlacementOf(Key) is not { } place || !current.Hospitals.TryGetValue(Key, out var entry))
        {
            return;
        }

        _summaryDirty = false;
        var summary = new HospitalCaseMixSummary(Key, entry.Hospital.Level, _book.Months(), _latestDay) { FundYear = _book.FundYear };
        _peers = await GrainFactory.GetGrain<ICaseMixGrain>(place.RegionId).ReportAsync(summary);
    }
}
