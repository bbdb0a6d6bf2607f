namespace Monitoring.Statistics;

/// <summary>
/// One share's CUSUM as it runs: the statistic, the period its current run above zero began (the onset estimate),
/// and what that run rests on, so an alert can say "since week 23: 41 of 96 cases, 28 expected".
/// </summary>
/// <param name="Statistic">The CUSUM after the last period added; 0 when nothing points to a change.</param>
/// <param name="OnsetPeriod">The first period of the current run above zero; null while the statistic is 0.</param>
/// <param name="RunTrials">Cases in the periods since the onset.</param>
/// <param name="RunEvents">Cases in the share since the onset.</param>
/// <param name="RunExpected">Cases the baseline expected in the share since the onset.</param>
[GenerateSerializer, Immutable]
public sealed record CusumTrack(
    [property: Id(0)] double Statistic,
    [property: Id(1)] int? OnsetPeriod,
    [property: Id(2)] long RunTrials,
    [property: Id(3)] long RunEvents,
    [property: Id(4)] double RunExpected)
{
    // A fresh instance each time: a stored grain state whose default was a shared instance was seen to be filled in
    // place on activation (see LowThresholdState), which would hand one hospital's statistic to every other.
    public static CusumTrack Quiet => new(0, null, 0, 0, 0);

    /// <summary>The track after one more period; periods must be added in order, each once.</summary>
    public CusumTrack Add(int period, long trials, long events, double baseline, double shifted)
    {
        var next = BernoulliCusum.Step(Statistic, trials, events, baseline, shifted);
        if (next <= 0)
        {
            return Quiet;
        }

        var expected = trials * Probability.Clamp(baseline);
        return OnsetPeriod is null
            ? new CusumTrack(next, period, trials, events, expected)
            : new CusumTrack(next, OnsetPeriod, RunTrials + trials, RunEvents + events, RunExpected + expected);
    }

    /// <summary>
    /// The track after one more period judged stratum by stratum (an ADRG each): the period's log-likelihood ratio is the
    /// sum of each stratum's, each against its own baseline and that baseline moved by <paramref name="fraction"/>
    /// (<see cref="RateShift.MovedFraction"/>), so a hospital whose case mix turns towards conditions that are often
    /// severe adds no evidence of a change in coding.
    /// </summary>
    public CusumTrack AddStrata(int period, IReadOnlyCollection<Stratum> strata, double fraction)
    {
        double llr = 0, expected = 0;
        long trials = 0, events = 0;
        foreach (var s in strata)
        {
            llr += BernoulliCusum.LogLikelihoodRatio(s.Trials, s.Events, s.ReferenceRate, RateShift.MovedFraction(s.ReferenceRate, fraction));
            expected += s.Trials * Probability.Clamp(s.ReferenceRate);
            trials += s.Trials;
            events += s.Events;
        }

        var next = Math.Max(0, Statistic + llr);
        if (next <= 0)
        {
            return Quiet;
        }

        return OnsetPeriod is null
            ? new CusumTrack(next, period, trials, events, expected)
            : new CusumTrack(next, OnsetPeriod, RunTrials + trials, RunEvents + events, RunExpected + expected);
    }

    public bool Crosses(double threshold) => Statistic >= threshold;
}
