namespace Monitoring.Statistics;

/// <summary>
/// Page's one-sided CUSUM for a rise in a count whose expected value is known period by period (Lucas's Poisson
/// CUSUM): each period adds the log-likelihood ratio of "the rate is <c>ratio</c> times what was expected" against
/// "it is as expected", and the sum is floored at zero. Counts come as observed events against expected events
/// (a hospital's discharges times a reference rate), so a period with few discharges adds little either way.
/// </summary>
/// <remarks>
/// Why the threshold bounds the false alarms: started at any period, the likelihood ratio is a martingale of mean 1
/// under "as expected", so by Ville's inequality it ever reaches e^h with probability at most e^−h; the CUSUM crosses h
/// only if one of the windows it could have started at does. Tested every period of a year at every unit, a
/// threshold of ln(periods × units ÷ α) keeps the chance of any false alarm in the year at most α
/// (<see cref="FamilyThreshold"/>), whatever the units' sizes.
/// </remarks>
public static class PoissonCusum
{
    /// <summary>log P(observed | ratio × expected) − log P(observed | expected); the factorial cancels.</summary>
    public static double LogLikelihoodRatio(long observed, double expected, double ratio)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ratio, 1);
        return (observed * Math.Log(ratio)) - ((ratio - 1) * expected);
    }

    public static double Step(double statistic, long observed, double expected, double ratio) =>
        Math.Max(0, statistic + LogLikelihoodRatio(observed, expected, ratio));

    /// <summary>
    /// The threshold that keeps the chance of one or more false alarms, over <paramref name="periods"/> tests at each of
    /// <paramref name="units"/> units, at most <paramref name="familyError"/> (a Bonferroni bound on Ville's inequality).
    /// </summary>
    public static double FamilyThreshold(int periods, int units, double familyError)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(familyError, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(familyError, 1);
        return Math.Log(periods * (double)units / familyError);
    }
}
