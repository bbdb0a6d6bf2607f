using Monitoring.Alerts;
using Monitoring.Statistics;

namespace Monitoring.Readmission;

/// <summary>
/// 再入院率 judged against chance: a hospital's suspect pairs, day by day, against the pairs expected from its own
/// discharges at a reference rate (its same-level peers' rate), in a Poisson CUSUM (<see cref="PoissonCusum"/>). A
/// rolling rate compared with a peer median and tested at every hospital every day finds someone by chance: a township
/// centre with 500 discharges and 3 pairs in a quarter is "twice its peers" without meaning anything. Here the evidence
/// grows only as fast as the hospital's own numbers allow, and the threshold pays for every hospital and day tested
/// (<see cref="Threshold"/>), so a steady hospital stays quiet all year at the set error rate while one that splits
/// for months crosses.
/// </summary>
public static class ReadmissionRateTest
{
    /// <summary>Days tested in a year at each hospital, for the multiplicity bound.</summary>
    public const int DaysPerYear = 365;

    /// <summary>The CUSUM threshold for a region of <paramref name="hospitals"/> tested daily for a year.</summary>
    public static double Threshold(int hospitals, ReadmissionThresholds t) =>
        PoissonCusum.FamilyThreshold(DaysPerYear, Math.Max(1, hospitals), t.RateFamilyError);

    /// <summary>
    /// The track after one more day: <paramref name="pairs"/> suspect pairs became known, <paramref name="discharges"/>
    /// stays were settled, and the hospital's peers readmit at <paramref name="reference"/> per discharge. Raised once when
    /// the evidence crosses <paramref name="threshold"/> and the run is big enough and far enough above expected to
    /// matter; cleared once the evidence that it is back to expected reaches <see cref="ReadmissionThresholds.RateClearEvidence"/>.
    /// </summary>
    public static RateJudgement Judge(RateTrack track, DateOnly day, int discharges, int pairs, double reference, double threshold, ReadmissionThresholds t)
    {
        var observed = Math.Max(0, pairs);
        var expected = Math.Max(0, discharges) * Math.Max(reference, t.RateMinReference);
        var statistic = PoissonCusum.Step(track.Statistic, observed, expected, t.RateShiftRatio);
        var next = statistic <= 0
            ? track with { Statistic = 0, Onset = null, RunPairs = 0, RunExpected = 0, RunDischarges = 0 }
            : track.Onset is null
                ? track with { Statistic = statistic, Onset = day, RunPairs = observed, RunExpected = expected, RunDischarges = discharges }
                : track with
                {
                    Statistic = statistic,
                    RunPairs = track.RunPairs + observed,
                    RunExpected = track.RunExpected + expected,
                    RunDischarges = track.RunDischarges + discharges,
                };
        next = next with { JudgedThrough = day };

        if (!track.Raised)
        {
            var crosses = next.Statistic >= threshold && next.RunPairs >= t.RateMinRunPairs && next.RunRatio >= t.RateMinEffect;
            return crosses
                ? new RateJudgement(next with { Raised = true, ClearStatistic = 0 }, AlertTransition.Raised, threshold)
                : new RateJudgement(next, null, threshold);
        }

        // The mirror test: evidence for "as expected" against "at the shift ratio", which a hospital still splitting never builds.
        var clear = Math.Max(0, next.ClearStatistic - PoissonCusum.LogLikelihoodRatio(observed, expected, t.RateShiftRatio));
        next = next with { ClearStatistic = clear };
        return clear >= t.RateClearEvidence
            ? new RateJudgement(RateTrack.Quiet with { JudgedThrough = day }, AlertTransition.Cleared, threshold) { Evidence = next }
            : new RateJudgement(next, null, threshold);
    }

    /// <summary>P(X ≥ run pairs) for X ~ Poisson(run expected): how often chance alone gives the run's count.</summary>
    public static double Tail(RateTrack track) => ObservedExpected.UpperTail(track.RunPairs, track.RunExpected);
}
