namespace Monitoring.Readmission;

/// <summary>
/// How a hospital's readmission rate compares with hospitals of its level: a county hospital is measured against
/// county hospitals, not against a township health centre that discharges to it.
/// </summary>
public static class ReadmissionRates
{
    /// <summary>Fewer peers than this make a median that says nothing: no judgement then.</summary>
    public const int MinPeers = 3;

    /// <summary>
    /// The median rate of the hospitals of <paramref name="level"/> other than <paramref name="hospitalId"/> with
    /// enough discharges to have a rate at all; null when fewer than <see cref="MinPeers"/> qualify.
    /// </summary>
    public static PeerComparison? PeerMedian(string hospitalId, int level, IEnumerable<HospitalRate> hospitals, ReadmissionThresholds t)
    {
        var rates = hospitals
            .Where(h => h.Level == level && h.HospitalId != hospitalId && h.Rate.Discharges >= t.RateMinDischarges)
            .Select(h => h.Rate.Rate)
            .Order()
            .ToArray();
        if (rates.Length < MinPeers)
        {
            return null;
        }

        var middle = rates.Length / 2;
        var median = rates.Length % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
        return new PeerComparison(median, rates.Length);
    }
}
