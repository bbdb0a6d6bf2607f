using Monitoring.DrillDown;

namespace Monitoring.Grains.Tests.DrillDown;

public sealed class DrillDownAggregationTests
{
    private static readonly HashSet<string> Own = ["H1"];

    private static DrillDownCell Cell(string hospital, string key, int month, long cases, decimal cost, decimal paid) =>
        new(hospital, key, month, cases, cost, paid);

    [Fact]
    public void Month_groups_are_set_beside_the_same_groups_earlier_months_and_largest_fund_paid_comes_first()
    {
        DrillDownCell[] cells =
        [
            Cell("H1", "ES23", 1, 10, 100_000, 70_000),
            Cell("H1", "ES23", 2, 10, 120_000, 80_000),
            Cell("H1", "ES23", 3, 30, 450_000, 300_000),
            Cell("H1", "GB13", 3, 2, 40_000, 30_000),
        ];

        var report = DrillDownAggregation.Build(DrillDownDimension.Drg, 2026, cells, Own, month: 3);

        Assert.Equal(3, report.Month);
        Assert.Equal(["ES23", "GB13"], report.Rows.Select(r => r.Key));
        var es23 = report.Rows[0];
        Assert.Equal(15_000m, es23.Figures.CostPerCase);
        Assert.Equal(10_000m, es23.Figures.FundPaidPerCase);
        Assert.Equal(11_000m, es23.Earlier!.CostPerCase);           // (100k + 120k) / 20 cases
        Assert.Equal(2, es23.EarlierMonths);
        Assert.Equal(300.0m, es23.CasesVsEarlierPercent);             // 30 this month against 10 a month before
        Assert.Equal(136.4m, es23.CostPerCaseVsEarlierPercent);       // 15,000 against 11,000
        Assert.Null(report.Rows[1].Earlier);
        Assert.Equal(new DrillDownFigures(32, 490_000, 330_000), report.Total);
    }

    [Fact]
    public void Peers_are_pooled_only_when_enough_hospitals_had_cases_so_no_single_competitor_can_be_read_out()
    {
        DrillDownCell[] twoPeers = [Cell("H1", "ES23", 3, 10, 150_000, 100_000), Cell("P1", "ES23", 3, 5, 50_000, 40_000), Cell("P2", "ES23", 3, 5, 50_000, 40_000)];
        DrillDownCell[] threePeers = [.. twoPeers, Cell("P3", "ES23", 3, 10, 100_000, 80_000)];

        var few = DrillDownAggregation.Build(DrillDownDimension.Drg, 2026, twoPeers, Own, month: 3).Rows.Single();
        var enough = DrillDownAggregation.Build(DrillDownDimension.Drg, 2026, threePeers, Own, month: 3).Rows.Single();

        Assert.Null(few.Peers);
        Assert.Equal(2, few.PeerHospitals);
        Assert.Equal(10_000m, enough.Peers!.CostPerCase);             // 200k over 20 cases of three peers
        Assert.Equal(150.0m, enough.CostPerCaseVsPeersPercent);
    }

    [Fact]
    public void Peer_cells_never_become_rows_of_the_fund()
    {
        DrillDownCell[] cells = [Cell("H1", "ES23", 2, 1, 10, 10), Cell("P1", "XX99", 2, 100, 1_000, 1_000)];

        var report = DrillDownAggregation.Build(DrillDownDimension.Drg, 2026, cells, Own, month: null);

        Assert.Equal(2, report.Month);                                // the fund's latest month, not a peer's
        Assert.Equal(["ES23"], report.Rows.Select(r => r.Key));
        Assert.Equal(1, report.Total.Cases);
    }

    [Fact]
    public void By_month_each_month_is_a_row_against_the_months_before_it()
    {
        DrillDownCell[] cells = [Cell("H1", "x", 1, 10, 100, 50), Cell("H1", "y", 1, 10, 100, 50), Cell("H1", "x", 3, 10, 300, 150)];

        var report = DrillDownAggregation.Build(DrillDownDimension.Month, 2026, cells, Own, month: null);

        Assert.Equal(["2026-01", "2026-03"], report.Rows.Select(r => r.Key));
        Assert.Null(report.Rows[0].Earlier);
        Assert.Equal(20, report.Rows[1].Earlier!.Cases);
        Assert.Equal(2, report.Rows[1].EarlierMonths);                // January and an empty February
        Assert.Equal(100.0m, report.Rows[1].CasesVsEarlierPercent);   // 10 against 20 over two months
    }

    [Fact]
    public void A_fund_without_claims_has_no_month_and_no_rows()
    {
        var report = DrillDownAggregation.Build(DrillDownDimension.Doctor, 2026, [Cell("P1", "D1", 1, 1, 1, 1)], Own, month: null);

        Assert.Null(report.Month);
        Assert.Empty(report.Rows);
        Assert.Equal(1, report.PeerHospitals);
    }
}
