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
    public static bool Is(CodedCase c, SeverityNorm? norm) =>
        c.IsHeavy && norm is { } n && c.LengthOfStay <= n.MedianStay * Slack && (double)c.TotalCost <= n.MedianCost * Slack;

    // The norm is read from a sketch to within its bucket width; a case exactly at the median must count as at it.
    private const double Slack = 1 + QuantileSketch.RelativeError;
}

/// <summary>The median stay and cost of an ADRG's severity-5 cases at one hospital, and how many cases they rest on.</summary>
public readonly record struct SeverityNorm(double MedianStay, double MedianCost, long Cases);
