using Monitoring.CaseMix;
using Monitoring.Alerts;
using Monitoring.Statistics;

namespace Monitoring.Upcoding;

/// <summary>
/// The main upcoding signal: a hospital's change against its own history. Week by week, each ADRG's split cases are
/// judged against the heavy share that ADRG had at this hospital in its earlier weeks (smoothed towards its overall
/// share when it had few), by a CUSUM for "a tenth of the severity-5 cases moved to 1 or 3" summed over the ADRGs
/// (<see cref="CusumTrack.AddStrata"/>). So a hospital that is heavy from the start (a referral centre) is judged
/// against its own heaviness and stays quiet, and a change of case mix towards conditions that are often severe adds
/// nothing. Weeks inside a run (statistic above zero) are kept out of the baseline until the run ends, so a change
/// cannot teach the baseline to expect it.
/// </summary>
/// <remarks>
/// A finding is raised when the statistic crosses the threshold and the run since its onset passes the small-numbers
/// guard (<see cref="ObservedExpected.Exceeds"/>), escalated when the statistic reaches the threshold times the
/// escalation factor, and cleared only when the statistic is back at zero — the CUSUM's own hysteresis: the evidence
/// for the change has to be spent by as much evidence against it. Pure: the same weeks give the same steps, which is
/// what lets a watch rebuilt from the ledger raise exactly the alerts the live one did.
/// </remarks>
public static class CodingChange
{
    /// <param name="weeks">the hospital's split cases per ADRG, one entry per closed week of the fund year, in order</param>
    /// <param name="inconsistent">
    /// whether the heavy cases from an onset week to a week are heavier on paper than in stay and cost (more heavy but
    /// light than before the onset, <see cref="HeavyButLight.SinceOnset"/>); asked only when everything else says raise
    /// or escalate, so that a rise of heavy share with really heavy patients is not called upcoding. Null: not asked.
    /// </param>
    public static CodingChangeTrace Trace(
        IReadOnlyList<IReadOnlyDictionary<string, SeverityCount>> weeks, UpcodingOptions t, Func<int, int, bool>? inconsistent = null)
    {
        var banked = new Dictionary<string, SeverityCount>(StringComparer.Ordinal);
        var bankedTotal = default(SeverityCount);
        var pending = new List<int>();
        var run = new Dictionary<string, AdrgRun>(StringComparer.Ordinal);
        var track = CusumTrack.Quiet;
        var level = UpcodingLevel.None;
        var steps = new List<CodingChangeStep>();

        for (var w = 0; w < weeks.Count; w++)
        {
            var week = weeks[w];
            if (w < t.BaselineWeeks || bankedTotal.Cases < t.MinBaselineCases)
            {
                Bank(week);
                continue;
            }

            var overall = bankedTotal.Share;

            // The baseline is itself an estimate: a hospital whose first weeks were light by chance would otherwise be
            // judged against a share it never really had, and drift into an alarm. A margin of its standard error keeps
            // the judgement on the safe side; it shrinks as the hospital's history grows.
            var margin = t.BaselineMargin * Math.Sqrt(overall * (1 - overall) / bankedTotal.Cases);
            var strata = new List<Stratum>();
            var baselines = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (adrg, count) in week)
            {
                if (count.Cases == 0)
                {
                    continue;
                }

                var own = banked.GetValueOrDefault(adrg);
                var baseline = Math.Min(1, SmoothedRate.Of(own.Heavy, own.Cases, overall, t.PriorCases) + margin);
                baselines[adrg] = baseline;
                strata.Add(new Stratum(count.Cases, count.Heavy, baseline));
            }

            if (strata.Count == 0)
            {
                continue;
            }

            var next = track.AddStrata(w, strata, t.ShiftFraction);
            if (next.OnsetPeriod is null)
            {
                foreach (var p in pending)
                {
                    Bank(weeks[p]);
                }

                Bank(week);
                pending.Clear();
                run.Clear();
            }
            else
            {
                if (track.OnsetPeriod is null)
                {
                    run.Clear();
                }

                pending.Add(w);
                foreach (var (adrg, count) in week)
                {
                    if (count.Cases > 0)
                    {
                        run[adrg] = run.TryGetValue(adrg, out var r)
                            ? r with { Cases = r.Cases + count.Cases, Heavy = r.Heavy + count.Heavy }
                            : new AdrgRun(adrg, count.Cases, count.Heavy, baselines[adrg]);
                    }
                }
            }

            track = next;
            var guard = AgainstOwnHistory(run.Values);
            var w0 = w;
            var nextLevel = Judge(level, track, guard, t, () => inconsistent?.Invoke(track.OnsetPeriod!.Value, w0) ?? true);
            if (nextLevel != level)
            {
                var transition = nextLevel == UpcodingLevel.None ? AlertTransition.Cleared
                    : level == UpcodingLevel.None ? AlertTransition.Raised : AlertTransition.Escalated;
                steps.Add(new CodingChangeStep(w, nextLevel, transition, track, [.. run.Values.OrderBy(r => r.Adrg, StringComparer.Ordinal)], guard));
                level = nextLevel;
            }
        }

        return new CodingChangeTrace(steps, track, level, [.. run.Values.OrderBy(r => r.Adrg, StringComparer.Ordinal)]);

        void Bank(IReadOnlyDictionary<string, SeverityCount> week)
        {
            foreach (var (adrg, count) in week)
            {
                banked[adrg] = banked.GetValueOrDefault(adrg) + count;
                bankedTotal += count;
            }
        }
    }

    /// <summary>Observed against expected heavy cases since the onset, each ADRG at the hospital's own earlier share.</summary>
    public static ObservedExpected AgainstOwnHistory(IEnumerable<AdrgRun> run) =>
        ObservedExpected.Of(run.Select(r => new Stratum(r.Cases, r.Heavy, r.Baseline)));

    /// <summary>
    /// The same cases against same-level peers: each ADRG at the peers' pooled heavy share (the hospital itself
    /// excluded). ADRGs the peers have not treated are left out rather than guessed.
    /// </summary>
    public static ObservedExpected AgainstPeers(IEnumerable<AdrgRun> run, IReadOnlyDictionary<string, SeverityCount> peers) =>
        ObservedExpected.Of(run
            .Where(r => peers.TryGetValue(r.Adrg, out var p) && p.Cases > 0)
            .Select(r => new Stratum(r.Cases, r.Heavy, peers[r.Adrg].Share)));

    /// <summary>Raised once, escalated once, cleared only when the statistic is back at zero.</summary>
    public static UpcodingLevel Judge(UpcodingLevel current, CusumTrack track, ObservedExpected run, UpcodingOptions t, Func<bool>? inconsistent = null)
    {
        if (track.OnsetPeriod is null)
        {
            return UpcodingLevel.None;
        }

        var guarded = run.Exceeds(t.MinRunCases, t.MinRunExpected, t.MinRunRatio, t.MaxRunPValue);
        var next = !guarded ? current
            : track.Crosses(t.Threshold * t.EscalationFactor) && current != UpcodingLevel.Critical ? UpcodingLevel.Critical
            : track.Crosses(t.Threshold) && current == UpcodingLevel.None ? UpcodingLevel.Warning
            : current;
        return next != current && !(inconsistent?.Invoke() ?? true) ? current : next;
    }
}

/// <summary>A change of a hospital's finding at the end of one week, with what it rests on.</summary>
/// <param name="Week">the week of the fund year (0 = the week of 1 January) whose end made the change</param>
/// <param name="Run">the ADRGs since the onset, with their baselines</param>
/// <param name="OwnHistory">observed against expected heavy cases since the onset</param>
public sealed record CodingChangeStep(
    int Week, UpcodingLevel Level, AlertTransition Transition, CusumTrack Track, IReadOnlyList<AdrgRun> Run, ObservedExpected OwnHistory);

/// <summary>Every change of the finding over the weeks given, and where the statistic and the run stand after the last.</summary>
public sealed record CodingChangeTrace(IReadOnlyList<CodingChangeStep> Steps, CusumTrack Track, UpcodingLevel Level, IReadOnlyList<AdrgRun> Run);
