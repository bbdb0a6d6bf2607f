namespace Monitoring.Dashboard.Overview;

/// <summary>
/// The order a regulator reads funds in: the worst budget-pace level first (红色预警 critical, 橙色预警 warning,
/// 黄色预警 notice, then funds keeping pace, then those not yet judged or without a budget), then the larger gap
/// between 支出进度 and 时间进度, then the larger projected overrun; ties by id so the list does not shuffle between
/// reads. A fund is a problem when it stands at a warning level (notice or worse).
/// </summary>
public static class RiskOrder
{
    public static IComparer<OverviewFund?> Comparer { get; } = Comparer<OverviewFund?>.Create(Compare);

    public static int Compare(OverviewFund? a, OverviewFund? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? 1 : -1;
        }

        var byLevel = LevelRank(b.PaceLevel).CompareTo(LevelRank(a.PaceLevel));
        if (byLevel != 0)
        {
            return byLevel;
        }

        var byGap = Descending(a.GapPoints, b.GapPoints);
        if (byGap != 0)
        {
            return byGap;
        }

        var byOverrun = Descending(a.ProjectedOverrun, b.ProjectedOverrun);
        return byOverrun != 0 ? byOverrun : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>critical 3, warning 2, notice 1, keeping pace 0, not judged (no budget, no settlement day yet) −1.</summary>
    public static int LevelRank(string? paceLevel) => paceLevel switch
    {
        "critical" => 3,
        "warning" => 2,
        "notice" => 1,
        "none" => 0,
        _ => -1,
    };

    public static bool IsProblem(string? paceLevel) => LevelRank(paceLevel) >= 1;

    /// <summary>Larger first; a missing figure after every present one.</summary>
    private static int Descending(decimal? a, decimal? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => b.Value.CompareTo(a.Value),
    };
}
