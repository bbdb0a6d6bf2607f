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

    /// <summary>
    /// The rate <paramref name="hospitalId"/>'s discharges are expected to readmit at: the pooled rate of the other
    /// hospitals of its level, or of the whole region when its level has fewer than <see cref="MinPeers"/> others or
    /// fewer than <see cref="ReadmissionThresholds.RateMinReferenceDischarges"/> discharges between them (a region's only
    /// level-3 hospital). Pooled, not a median: most township centres have no pair in a quarter, and a median of their
    /// rates is zero. Null when even the region has too few discharges.
    /// </summary>
    public static RateReference? Reference(string hospitalId, int level, IReadOnlyCollection<HospitalRate> hospitals, ReadmissionThresholds t)
    {
        var others = hospitals.Where(h => h.HospitalId != hospitalId && h.Rate.Discharges > 0).ToList();
        var sameLevel = others.Where(h => h.Level == level).ToList();
        foreach (var (peers, isSameLevel) in new[] { (sameLevel, true), (others, false) })
        {
            var discharges = peers.Sum(p => p.Rate.Discharges);
            if (peers.Count >= MinPeers && discharges >= t.RateMinReferenceDischarges)
            {
                var pairs = peers.Sum(p => Math.Max(0, p.Rate.Pairs));
                return new RateReference((double)pairs / discharges, peers.Count, discharges, pairs, isSameLevel);
            }
        }

        return null;
    }
}
