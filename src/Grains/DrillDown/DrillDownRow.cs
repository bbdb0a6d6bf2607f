namespace Monitoring.DrillDown;

/// <summary>
/// One group of a fund's drill-down in the month asked about: its own figures, the same group's earlier months of the
/// year (per case, and cases per month on average), and its same-level peers in the same month (per case, pooled).
/// </summary>
/// <param name="Earlier">the fund's own months of the year before this one, summed; null when there are none</param>
/// <param name="EarlierMonths">how many months <paramref name="Earlier"/> spans (for cases per month)</param>
/// <param name="Peers">peer hospitals' figures for the same group and month, pooled; null when fewer than
/// <see cref="DrillDownAggregation.MinimumPeerHospitals"/> peers had cases in it</param>
/// <param name="PeerHospitals">how many peer hospitals had cases in the group that month</param>
public sealed record DrillDownRow(
    string Key,
    DrillDownFigures Figures,
    DrillDownFigures? Earlier,
    int EarlierMonths,
    DrillDownFigures? Peers,
    int PeerHospitals)
{
    /// <summary>Cost per case against the earlier months', in percent (100 = the same); null without a base.</summary>
    public decimal? CostPerCaseVsEarlierPercent => Ratio(Figures.CostPerCase, Earlier?.CostPerCase);

    /// <summary>Cost per case against the peers', in percent; null without peers.</summary>
    public decimal? CostPerCaseVsPeersPercent => Ratio(Figures.CostPerCase, Peers?.CostPerCase);

    /// <summary>This month's cases against the earlier months' average, in percent.</summary>
    public decimal? CasesVsEarlierPercent =>
        Earlier is { Cases: > 0 } earlier && EarlierMonths > 0
            ? decimal.Round(Figures.Cases * 100m * EarlierMonths / earlier.Cases, 1)
            : null;

    private static decimal? Ratio(decimal? value, decimal? baseline) =>
        value is { } v && baseline is > 0 ? decimal.Round(v * 100m / baseline.Value, 1) : null;
}
