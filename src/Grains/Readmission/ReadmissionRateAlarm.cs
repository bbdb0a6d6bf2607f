using Monitoring.Alerts;

namespace Monitoring.Readmission;

/// <summary>
/// Whether a hospital's readmission rate stands out from its peers: raised once when it crosses the threshold with
/// enough discharges behind it, cleared only when it has fallen back past the hysteresis band.
/// </summary>
public static class ReadmissionRateAlarm
{
    /// <summary>
    /// The rate that counts as out of line: a multiple of the peer median, and at least some points above it, since
    /// twice a near-zero median is still near zero.
    /// </summary>
    public static double Threshold(double peerMedian, ReadmissionThresholds t) =>
        Math.Max(peerMedian * t.RateRatioOverPeers, peerMedian + (t.RateMinExcessPoints / 100));

    public static (bool Raised, AlertTransition? Transition) Next(bool raised, double rate, double peerMedian, int discharges, ReadmissionThresholds t)
    {
        var threshold = Threshold(peerMedian, t);
        if (!raised && discharges >= t.RateMinDischarges && rate >= threshold)
        {
            return (true, AlertTransition.Raised);
        }

        if (raised && rate < threshold - (t.RateHysteresisPoints / 100))
        {
            return (false, AlertTransition.Cleared);
        }

        return (raised, null);
    }
}
