using MathNet.Numerics.Distributions;

namespace Monitoring.Statistics;

/// <summary>
/// Observed against expected cases in a share, adjusted for case mix (indirect standardisation): each stratum
/// expects its cases × its reference share, so a hospital that treats more of the conditions that are often
/// severe is not blamed for them. The excess is tested against the Poisson tail of the expected count, which
/// stays honest at the small numbers where the normal approximation shouts.
/// </summary>
/// <param name="Observed">Cases in the share.</param>
/// <param name="Expected">Cases the reference shares predict.</param>
/// <param name="Trials">All cases compared.</param>
/// <param name="Z">(O − E) / √Σ n·p·(1 − p): the standardised excess, for display and ranking.</param>
/// <param name="PValue">P(X ≥ O) for X ~ Poisson(E): how often chance alone would give this many or more.</param>
[GenerateSerializer, Immutable]
public sealed record ObservedExpected(
    [property: Id(0)] long Observed,
    [property: Id(1)] double Expected,
    [property: Id(2)] long Trials,
    [property: Id(3)] double Z,
    [property: Id(4)] double PValue)
{
    public static ObservedExpected Empty { get; } = new(0, 0, 0, 0, 1);

    /// <summary>Observed ÷ expected; 1 when both are nothing, so an empty comparison reads as "as expected".</summary>
    public double Ratio => Expected > 0 ? Observed / Expected : Observed == 0 ? 1 : double.PositiveInfinity;

    public static ObservedExpected Of(IEnumerable<Stratum> strata)
    {
        long observed = 0, trials = 0;
        double expected = 0, variance = 0;
        foreach (var s in strata)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s.Events);
            ArgumentOutOfRangeException.ThrowIfLessThan(s.Trials, s.Events);
            var p = Probability.Clamp(s.ReferenceRate);
            observed += s.Events;
            trials += s.Trials;
            expected += s.Trials * p;
            variance += s.Trials * p * (1 - p);
        }

        if (trials == 0)
        {
            return Empty;
        }

        var z = variance > 0 ? (observed - expected) / Math.Sqrt(variance) : 0;
        return new ObservedExpected(observed, expected, trials, z, UpperTail(observed, expected));
    }

    /// <summary>P(X ≥ k) for X ~ Poisson(λ).</summary>
    public static double UpperTail(long k, double lambda) =>
        k <= 0 ? 1 : lambda <= 0 ? 0 : Math.Clamp(1 - Poisson.CDF(lambda, k - 1), 0, 1);

    /// <summary>
    /// Whether the excess is worth a regulator's attention: enough cases behind it, enough expected that one or two
    /// cases cannot make it, a ratio that matters in money and a tail probability that chance rarely reaches.
    /// </summary>
    public bool Exceeds(long minTrials, double minExpected, double minRatio, double maxPValue) =>
        Trials >= minTrials && Expected >= minExpected && Ratio >= minRatio && PValue <= maxPValue;
}
