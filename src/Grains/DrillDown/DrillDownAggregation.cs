namespace Monitoring.DrillDown;

/// <summary>
/// The drill-down rule: from the cells of a fund's own hospitals and of its peers, the groups of one month, each beside
/// the same group's earlier months and its peers. Pure, so both query engines (the PostgreSQL ledger and the in-memory
/// one) give the same answer and the arithmetic is tested once.
/// </summary>
public static class DrillDownAggregation
{
    /// <summary>
    /// Peer figures are shown only when at least this many peer hospitals had cases in the group: with one or two, a
    /// hospital could read a named competitor's cost per case out of the "peer average", and a hospital never receives
    /// another hospital's data.
    /// </summary>
    public const int MinimumPeerHospitals = 3;

    /// <param name="cells">cells of the fund's own hospitals and of its peers for the fund year</param>
    /// <param name="own">the fund's own hospitals; every other hospital in <paramref name="cells"/> is a peer</param>
    /// <param name="month">the month asked about (1–12), or null for the latest month the fund has claims in</param>
    public static DrillDownReport Build(
        DrillDownDimension dimension,
        int fundYear,
        IReadOnlyCollection<DrillDownCell> cells,
        IReadOnlySet<string> own,
        int? month)
    {
        var mine = cells.Where(c => own.Contains(c.HospitalId)).ToList();
        var peers = cells.Where(c => !own.Contains(c.HospitalId)).ToList();
        var peerCount = peers.Select(c => c.HospitalId).Distinct(StringComparer.Ordinal).Count();
        var asked = month ?? (mine.Count > 0 ? mine.Max(c => c.Month) : null);
        if (asked is not { } m)
        {
            return new DrillDownReport(dimension, fundYear, null, new DrillDownFigures(0, 0, 0), [], peerCount);
        }

        // By month, each row is a month of its own: its "earlier" is the months before it, its peers the same month.
        var rows = dimension == DrillDownDimension.Month
            ? mine.Select(c => c.Month).Distinct().Order()
                .Select(rowMonth => RowOf(MonthKey(fundYear, rowMonth), mine.Where(c => c.Month == rowMonth), mine.Where(c => c.Month < rowMonth),
                    rowMonth - 1, peers.Where(c => c.Month == rowMonth)))
                .ToList()
            : mine.Where(c => c.Month == m).Select(c => c.Key).Distinct(StringComparer.Ordinal)
                .Select(key => RowOf(key, mine.Where(c => c.Month == m && c.Key == key), mine.Where(c => c.Month < m && c.Key == key),
                    m - 1, peers.Where(c => c.Month == m && c.Key == key)))
                .OrderByDescending(r => r.Figures.FundPaid).ThenBy(r => r.Key, StringComparer.Ordinal)
                .ToList();
        var total = DrillDownFigures.Sum(mine.Where(c => c.Month == m));
        return new DrillDownReport(dimension, fundYear, m, total, rows, peerCount);
    }

    public static string MonthKey(int fundYear, int month) => $"{fundYear:D4}-{month:D2}";

    private static DrillDownRow RowOf(string key, IEnumerable<DrillDownCell> now, IEnumerable<DrillDownCell> earlier, int earlierMonths,
        IEnumerable<DrillDownCell> peers)
    {
        var before = DrillDownFigures.Sum(earlier);
        var peerCells = peers.ToList();
        var peerHospitals = peerCells.Where(c => c.Cases > 0).Select(c => c.HospitalId).Distinct(StringComparer.Ordinal).Count();
        return new DrillDownRow(key, DrillDownFigures.Sum(now), before.Cases > 0 ? before : null, Math.Max(0, earlierMonths),
            peerHospitals >= MinimumPeerHospitals ? DrillDownFigures.Sum(peerCells) : null, peerHospitals);
    }
}
