using Monitoring.Statistics;

namespace Monitoring.Upcoding;

/// <summary>
/// The claim-level evidence of upcoding: a case coded with complications (severity 1 or 3) whose stay and cost sit at
/// or below the norm of the uncomplicated cases (severity 5) of the same ADRG. A complication that is really there
/// keeps a patient longer and costs more; one written only on the record does neither. The norm is the median of the
/// hospital's own severity-5 cases — same prices, same practice, and untouched by upcoding, which takes cases out of
/// severity 5 but adds none.
/// </summary>
public static class HeavyButLight
{
    /// <summary>
    /// The heavy-but-light cases among the heavy cases since an onset against what the hospital's own share of them
    /// before the onset predicts (pulled towards a tenth when it had few heavy cases before).
    /// </summary>
    public static ObservedExpected SinceOnset(long heavyBefore, long lightBefore, long heavySince, long lightSince, UpcodingOptions t) =>
        ObservedExpected.Of([new Stratum(heavySince, lightSince, SmoothedRate.Of(lightBefore, heavyBefore, TypicalLightShare, t.PriorCases))]);

    /// <summary>Whether the heavy cases since an onset are light in stay and cost beyond chance: the inconsistency upcoding leaves.</summary>
    public static bool Inconsistent(ObservedExpected sinceOnset, UpcodingOptions t) =>
        sinceOnset.Exceeds(0, 0, t.MinLightRatio, t.MaxLightPValue);

    /// <summary>
    /// Of really heavy cases, about this share stay and cost no more than the median uncomplicated case: the prior for a
    /// hospital with few heavy cases before its onset.
    /// </summary>
    public const double TypicalLightShare = 0.08;

    public static bool Is(CodedCase c, SeverityNorm? norm) =>
        c.IsHeavy && norm is { } n && c.LengthOfStay <= n.MedianStay * Slack && (double)c.TotalCost <= n.MedianCost * Slack;

    /// <summary>Whether a heavy case of this stay and cost is light against the norm: <see cref="Is"/> without the case.</summary>
    public static bool Is(StayAndCost c, SeverityNorm n)
    {
        if (c.Stay > n.MedianStay * Slack)
        {
            return false;
        }

        if (c.Cost == StayAndCost.Free)
        {
            return true;
        }

        if (n.MedianCost <= 0)
        {
            return false;
        }

        // The norm is a bucket's midpoint, and the bound a hair under the bucket's top: every cost of a lower bucket is
        // below it, every cost of a higher one above, and one of the same bucket was told apart when it was counted.
        var bucket = QuantileSketch.BucketOf(n.MedianCost);
        return c.Cost >> 1 < bucket || (c.Cost >> 1 == bucket && (c.Cost & 1) == 0);
    }

    // The norm is read from a sketch to within its bucket width; a case exactly at the median must count as at it.
    private const double Slack = 1 + QuantileSketch.RelativeError;
}

/// <summary>
/// A heavy case as the book keeps it, without its claim: its stay in days and its cost as the sketch's bucket, with the
/// lowest bit set when the cost lies above what a norm read as that bucket's midpoint allows. Enough to tell, against
/// any norm a sketch can read, whether the case is light (<see cref="HeavyButLight.Is(StayAndCost, SeverityNorm)"/>).
/// </summary>
public readonly record struct StayAndCost(int Stay, int Cost)
{
    /// <summary>The cost of a case that cost nothing: at or below any norm.</summary>
    public const int Free = int.MinValue;

    public static StayAndCost Of(CodedCase c)
    {
        var cost = (double)c.TotalCost;
        if (cost <= 0)
        {
            return new StayAndCost(c.LengthOfStay, Free);
        }

        var bucket = QuantileSketch.BucketOf(cost);
        var above = cost > QuantileSketch.Midpoint(bucket) * (1 + QuantileSketch.RelativeError);
        return new StayAndCost(c.LengthOfStay, (bucket << 1) | (above ? 1 : 0));
    }
}

/// <summary>
/// The median stay and cost of an ADRG's severity-5 cases at one hospital, and how many cases they rest on; their mean
/// weight is what an uncomplicated case of the group is paid for (what an upcoded case's weight is compared with).
/// </summary>
public readonly record struct SeverityNorm(double MedianStay, double MedianCost, long Cases)
{
    public decimal MeanWeight { get; init; }
}
