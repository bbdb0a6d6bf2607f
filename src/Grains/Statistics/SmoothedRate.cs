namespace Monitoring.Statistics;

/// <summary>
/// A share estimated from few cases, pulled towards a reference share by a prior worth a fixed number of cases
/// (a Beta prior with mean <paramref name="reference"/>): with 3 heavy cases out of 4 a hospital's own rate is 75%,
/// which says little; blended with 20 cases' worth of its peers' 30% it is 37.5%, which is a usable baseline.
/// </summary>
public static class SmoothedRate
{
    public static double Of(long events, long trials, double reference, double priorCases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, events);
        ArgumentOutOfRangeException.ThrowIfNegative(priorCases);
        var weight = trials + priorCases;
        return weight == 0 ? Probability.Clamp(reference) : Probability.Clamp((events + (priorCases * reference)) / weight);
    }
}
