using Monitoring.Alerts;
using Monitoring.CaseMix;
using Monitoring.Claims;

namespace Monitoring.Upcoding;

/// <summary>
/// What a hospital's coding watch knows between batches: its case book, the weeks closed so far (a claim of a later
/// week proves a week has ended), whether they changed since last traced, and whether the region's summary is stale.
/// Plain code: the grain feeds it claims, asks it for the trace and the evidence of a step, and publishes.
/// </summary>
public sealed class HospitalCoding(int fundYear, UpcodingOptions options)
{
    /// <summary>
    /// The consistency of the heavy cases from an onset week to a week, once asked: a trace asks it again at every
    /// judgement, and the answer rests on a scan of the year's cases.
    /// </summary>
    private readonly Dictionary<(int Onset, int Week), bool> _inconsistent = [];
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private bool _closedWeeksChanged;

    public HospitalCaseBook Book { get; } = new(fundYear);

    public DateOnly LatestDay { get; private set; }

    public int ClosedWeeks { get; private set; }

    /// <summary>The cases changed since the summary was last sent to the region.</summary>
    public bool SummaryDirty { get; set; }

    /// <summary>
    /// Takes a claim into the book. A reversal takes the case it reverses (<paramref name="reversed"/>, read back from the
    /// ledger) out of the book, and the closed weeks it was in are judged again without it; the standing alert is not
    /// touched (the finding rests on the hospital's whole case mix, its claims are examples:
    /// <see cref="AlertKinds.RestingOnClaims"/>), so a hospital cannot shed a finding by reversing one.
    /// </summary>
    public void Take(ClaimEvent claim, ClaimEvent? reversed = null)
    {
        var day = BudgetClock.BudgetDate(claim.SettledAt);
        if (day > LatestDay)
        {
            LatestDay = day;
        }

        if (claim.Kind == ClaimKind.Reversal)
        {
            if (reversed is not null && CodedCase.From(reversed) is { } removed && Book.Remove(removed))
            {
                SummaryDirty = true;
                _closedWeeksChanged |= Book.WeekOf(removed.SettledDay) < ClosedWeeks;
            }
        }
        else if (CodedCase.From(claim) is { } c && Book.Add(c))
        {
            SummaryDirty = true;
            _closedWeeksChanged |= Book.WeekOf(c.SettledDay) < ClosedWeeks;
        }

        if (Book.WeekOf(LatestDay) is { } week && week > ClosedWeeks)
        {
            ClosedWeeks = week;
            _closedWeeksChanged = true;
        }
    }

    /// <summary>Where the closed weeks' coding stands, or null when nothing closed changed since the last trace.</summary>
    public CodingChangeTrace? TraceIfChanged()
    {
        if (!_closedWeeksChanged)
        {
            return null;
        }

        _closedWeeksChanged = false;
        return CodingChange.Trace(Book.Weeks(ClosedWeeks), options, Inconsistent);
    }

    /// <summary>The steps of a trace not handed out before, each with the onset of the finding it is about.</summary>
    public IEnumerable<(CodingChangeStep Step, DateOnly Onset)> Unpublished(string hospitalId, CodingChangeTrace trace)
    {
        DateOnly? findingOnset = null;
        foreach (var step in trace.Steps)
        {
            // A cleared step has a quiet track; the onset it names is that of the finding it clears.
            var onset = step.Transition == AlertTransition.Cleared && findingOnset is { } previous
                ? previous
                : Book.WeekStart(step.Track.OnsetPeriod ?? step.Week);
            findingOnset = step.Transition == AlertTransition.Cleared ? null : onset;
            if (_published.Add(UpcodingAlerts.AlertId(hospitalId, onset, step.Transition)))
            {
                yield return (step, onset);
            }
        }
    }

    /// <summary>The last day of a step's week: the evidence of its finding runs from the onset to it.</summary>
    public DateOnly WeekEnd(CodingChangeStep step) => Book.WeekStart(step.Week).AddDays(6);

    /// <summary>
    /// The evidence of a step: heavy-but-light cases since the onset, against the peers and the hospital's own past;
    /// <paramref name="taken"/> are the hospital's settlements since the onset as the ledger holds them (reversed ones
    /// left out), the examples are read from.
    /// </summary>
    public UpcodingFinding Finding(CodingChangeStep step, DateOnly onset, PeerShares peers, IEnumerable<ClaimEvent> taken)
    {
        var weekEnd = WeekEnd(step);
        var (heavy, light) = Book.HeavyButLightBetween(onset, weekEnd);
        var againstPeers = peers.Peers >= options.MinPeers ? CodingChange.AgainstPeers(step.Run, peers.ByAdrg) : null;
        var (heavyBefore, lightBefore) = Book.HeavyButLightBetween(Book.WeekStart(0), onset.AddDays(-1));
        var examples = Book.HeavyButLightAmong(taken.Select(CodedCase.From).OfType<CodedCase>(), onset, weekEnd).Take(options.MaxExampleClaims);
        return new UpcodingFinding(step, onset, weekEnd, heavy, (int)light, [.. examples], againstPeers, peers.Peers, Book.NormOf)
        {
            LightAgainstBefore = HeavyButLight.SinceOnset(heavyBefore, lightBefore, heavy, light, options),
        };
    }

    /// <summary>Whether the heavy cases since <paramref name="onset"/> are lighter in stay and cost than the hospital's before it.</summary>
    private bool Inconsistent(int onset, int week)
    {
        if (_inconsistent.TryGetValue((onset, week), out var known))
        {
            return known;
        }

        var start = Book.WeekStart(onset);
        var (heavyBefore, lightBefore) = Book.HeavyButLightBetween(Book.WeekStart(0), start.AddDays(-1));
        var (heavySince, lightSince) = Book.HeavyButLightBetween(start, Book.WeekStart(week).AddDays(6));
        return _inconsistent[(onset, week)] = HeavyButLight.Inconsistent(
            HeavyButLight.SinceOnset(heavyBefore, lightBefore, heavySince, lightSince, options), options);
    }
}
