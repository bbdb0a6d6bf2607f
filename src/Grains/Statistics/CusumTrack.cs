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
    public static CusumTrack Quiet { get; } = new(0, null, 0, 0, 0);

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

    public bool Crosses(double threshold) => Statistic >= threshold;
}
