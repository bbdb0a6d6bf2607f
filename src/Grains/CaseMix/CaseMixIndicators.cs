namespace Monitoring.CaseMix;

/// <summary>
/// Computes <see cref="CaseMixFigures"/> from month-by-DRG sums. The efficiency indices are indirectly standardised: a
/// unit's total cost (or bed-days) over what its own cases would have cost at the region's average for each DRG, so a
/// hospital is compared on the DRGs it treats, not blamed for treating dear ones; DRGs the region has no average for
/// are left out of both sides.
/// </summary>
public static class CaseMixIndicators
{
    /// <param name="unit">the rows of the hospital, alliance or county, for the period wanted</param>
    /// <param name="region">the rows of every hospital of the region, for the same period: the norms</param>
    public static CaseMixFigures Of(IEnumerable<DrgMonth> unit, IEnumerable<DrgMonth> region)
    {
        var norms = region.Where(r => r.DrgCode is not null && r.Cases > 0)
            .GroupBy(r => r.DrgCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Cost: g.Sum(r => r.TotalCost) / g.Sum(r => r.Cases), Stay: g.Sum(r => r.StayDays) / (double)g.Sum(r => r.Cases)), StringComparer.Ordinal);

        long cases = 0, grouped = 0, split = 0, heavy = 0;
        decimal weight = 0, fundPaid = 0, fundPaidByDrg = 0, cost = 0, expectedCost = 0;
        double stay = 0, expectedStay = 0;
        foreach (var row in unit)
        {
            cases += row.Cases;
            fundPaid += row.FundPaid;
            fundPaidByDrg += row.FundPaidByDrg;
            if (row.DrgCode is null)
            {
                continue;
            }

            grouped += row.Cases;
            weight += row.WeightSum;
            if (row.IsSplit)
            {
                split += row.Cases;
                heavy += row.IsHeavy ? row.Cases : 0;
            }

            if (norms.TryGetValue(row.DrgCode, out var norm))
            {
                cost += row.TotalCost;
                expectedCost += row.Cases * norm.Cost;
                stay += row.StayDays;
                expectedStay += row.Cases * norm.Stay;
            }
        }

        return new CaseMixFigures(
            cases,
            grouped,
            cases == 0 ? null : grouped / (double)cases,
            grouped == 0 ? null : (double)(weight / grouped),
            split,
            heavy,
            split == 0 ? null : heavy / (double)split,
            expectedCost == 0 ? null : (double)(cost / expectedCost),
            expectedStay == 0 ? null : stay / expectedStay,
            fundPaid,
            fundPaid == 0 ? null : (double)(fundPaidByDrg / fundPaid));
    }

    /// <summary>The unit's figures for each month that has cases, each against the region's norms of that month.</summary>
    public static IReadOnlyList<(int Month, CaseMixFigures Figures)> ByMonth(IReadOnlyCollection<DrgMonth> unit, IReadOnlyCollection<DrgMonth> region) =>
        [.. unit.Select(r => r.Month).Distinct().Order()
            .Select(m => (m, Of(unit.Where(r => r.Month == m), region.Where(r => r.Month == m))))];

    /// <summary>
    /// Same-level peers' pooled heavy share per ADRG, the hospital itself excluded: what its case mix would show if it
    /// coded like them.
    /// </summary>
    public static Dictionary<string, SeverityCount> PeerShares(IEnumerable<HospitalCaseMixSummary> peers) =>
        peers.SelectMany(p => p.Months)
            .Where(r => r.IsSplit)
            .GroupBy(r => r.Adrg!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new SeverityCount(g.Sum(r => r.Cases), g.Where(r => r.IsHeavy).Sum(r => r.Cases)), StringComparer.Ordinal);
}
