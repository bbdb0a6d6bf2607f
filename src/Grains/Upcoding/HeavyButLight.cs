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

    // The norm is read from a sketch to within its bucket width; a case exactly at the median must count as at it.
    private const double Slack = 1 + QuantileSketch.RelativeError;
}

/// <summary>
/// The median stay and cost of an ADRG's severity-5 cases at one hospital, and how many cases they rest on; their mean
/// weight is what an uncomplicated case of the group is paid for (what an upcoded case's weight is compared with).
/// </summary>
public readonly record struct SeverityNorm(double MedianStay, double MedianCost, long Cases)
{
    public decimal MeanWeight { get; init; }
}
