namespace Monitoring.DrillDown;

/// <summary>
/// A fund's drill-down for one budget month by one dimension: the month's groups, largest fund paid first, and the
/// month's total. <see cref="Month"/> is null when the fund has no standing claims in the year yet.
/// </summary>
public sealed record DrillDownReport(
    DrillDownDimension Dimension,
    int FundYear,
    int? Month,
    DrillDownFigures Total,
    IReadOnlyList<DrillDownRow> Rows,
    int PeerHospitals);
