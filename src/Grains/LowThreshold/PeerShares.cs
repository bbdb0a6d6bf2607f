namespace Monitoring.LowThreshold;

/// <summary>
/// The peers' side of the comparison, from the latest reports of a region's hospitals: for one hospital, what its
/// same-level peers (never itself) show. A peer counts only once its window holds enough stays to have a share.
/// </summary>
public static class PeerShares
{
    /// <summary>A peer's DRG share enters the reference only with this many of the peers' stays of that DRG behind it.</summary>
    public const int MinDrgStays = 20;

    public static PeerReference For(string hospitalId, int level, IEnumerable<HospitalShareReport> reports, LowThresholdOptions o)
    {
        var peers = reports
            .Where(r => r.Level == level && r.Placement.HospitalId != hospitalId && r.Stays >= o.PeerMinStays)
            .ToList();
        if (peers.Count < o.MinPeers)
        {
            return PeerReference.None with { Peers = peers.Count };
        }

        var shares = peers.Select(p => (double)p.ShortAndCheap / p.Stays).ToList();
        var pooledStays = peers.Sum(p => p.Stays);
        var pooled = (double)peers.Sum(p => p.ShortAndCheap) / pooledStays;
        var byDrg = peers.SelectMany(p => p.Window)
            .GroupBy(c => c.Key, c => c.Value, StringComparer.Ordinal)
            .Select(g => (Drg: g.Key, Stays: g.Sum(c => c.Stays), ShortAndCheap: g.Sum(c => c.ShortAndCheap)))
            .Where(g => g.Stays >= MinDrgStays)
            .ToDictionary(g => g.Drg, g => (double)g.ShortAndCheap / g.Stays, StringComparer.Ordinal);
        var months = peers.SelectMany(p => p.Months)
            .Where(m => m.Share is not null)
            .GroupBy(m => (m.Year, m.Month))
            .OrderBy(g => g.Key)
            .Select(g => new PeerMonth(g.Key.Year, g.Key.Month, Median(g.Select(m => m.Share!.Value)), g.Count()))
            .ToList();
        return new PeerReference(peers.Count, Median(shares), pooled, byDrg, months);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
