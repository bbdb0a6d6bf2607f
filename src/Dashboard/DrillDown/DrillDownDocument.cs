using Monitoring.DrillDown;

namespace Monitoring.Dashboard.DrillDown;

/// <summary>
/// <c>GET /api/drilldown/{level}/{id}</c>: a fund's groups in one budget month, each beside its earlier months and its
/// same-level peers. Money in yuan; percentages are 100 when equal to the base.
/// </summary>
public sealed record DrillDownDocument(
    string Level,
    string Id,
    string Name,
    string Dimension,
    int FundYear,
    string? Month,
    DrillDownFiguresDocument Total,
    int PeerHospitals,
    int MinimumPeerHospitals,
    IReadOnlyList<DrillDownRowDocument> Rows)
{
    public static DrillDownDocument Of(string level, string id, string name, DrillDownReport report) => new(
        level, id, name, report.Dimension.Name(), report.FundYear,
        report.Month is { } m ? DrillDownAggregation.MonthKey(report.FundYear, m) : null,
        DrillDownFiguresDocument.Of(report.Total), report.PeerHospitals, DrillDownAggregation.MinimumPeerHospitals,
        [.. report.Rows.Select(DrillDownRowDocument.Of)]);
}

/// <summary>Cases, 医疗总费用 (totalCost), 统筹基金支付 (fundPaid) and their per-case figures.</summary>
public sealed record DrillDownFiguresDocument(long Cases, decimal TotalCost, decimal FundPaid, decimal? CostPerCase, decimal? FundPaidPerCase)
{
    public static DrillDownFiguresDocument Of(DrillDownFigures f) => new(f.Cases, f.TotalCost, f.FundPaid, f.CostPerCase, f.FundPaidPerCase);
}

/// <summary>One group: its figures, the same group's earlier months of the year, and its peers in the same month.</summary>
public sealed record DrillDownRowDocument(
    string Key,
    DrillDownFiguresDocument Figures,
    DrillDownFiguresDocument? Earlier,
    int EarlierMonths,
    DrillDownFiguresDocument? Peers,
    int PeerHospitals,
    decimal? CasesVsEarlierPercent,
    decimal? CostPerCaseVsEarlierPercent,
    decimal? CostPerCaseVsPeersPercent)
{
    public static DrillDownRowDocument Of(DrillDownRow r) => new(
        r.Key, DrillDownFiguresDocument.Of(r.Figures), r.Earlier is null ? null : DrillDownFiguresDocument.Of(r.Earlier), r.EarlierMonths,
        r.Peers is null ? null : DrillDownFiguresDocument.Of(r.Peers), r.PeerHospitals,
        r.CasesVsEarlierPercent, r.CostPerCaseVsEarlierPercent, r.CostPerCaseVsPeersPercent);
}
