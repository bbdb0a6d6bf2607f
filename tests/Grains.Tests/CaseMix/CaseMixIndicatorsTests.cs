using Monitoring.CaseMix;

namespace Monitoring.Grains.Tests.CaseMix;

public sealed class CaseMixIndicatorsTests
{
    [Fact]
    public void Of_computes_grouping_rate_cmi_heavy_share_and_drg_fund_share()
    {
        DrgMonth[] unit =
        [
            new(3, "ES23", 30, 30 * 0.92m, 240, 30 * 7800m, 30 * 5000m, 30 * 5000m),
            new(3, "ES25", 60, 60 * 0.72m, 420, 60 * 6000m, 60 * 4000m, 60 * 4000m),
            new(3, "CB39", 10, 10 * 0.70m, 30, 10 * 6000m, 10 * 4000m, 10 * 4000m),
            new(3, null, 10, 0m, 60, 10 * 3000m, 10 * 2000m, 0m),
        ];

        var f = CaseMixIndicators.Of(unit, unit);

        Assert.Equal(110, f.Cases);
        Assert.Equal(100 / 110.0, f.GroupingRate!.Value, 9);
        Assert.Equal((double)((30 * 0.92m) + (60 * 0.72m) + (10 * 0.70m)) / 100, f.Cmi!.Value, 9);
        Assert.Equal(30 / 90.0, f.HeavyShare!.Value, 9);
        Assert.Equal(430_000 / 450_000.0, f.DrgFundShare!.Value, 9);
        Assert.Equal(1.0, f.CostIndex!.Value, 9);   // against itself, it is the average
        Assert.Equal(1.0, f.TimeIndex!.Value, 9);
    }

    [Fact]
    public void Cost_and_time_indices_compare_with_the_region_s_average_for_the_same_drgs()
    {
        // The hospital's ES23 cases cost 10,000 and stay 10 days; the region's ES23 average is 8,000 and 8 days. Its FM19
        // cases cost what the region's do. Weighted by its cases: cost (20·10000 + 10·30000) / (20·8000 + 10·30000).
        DrgMonth[] unit = [new(5, "ES23", 20, 18m, 200, 200_000m, 1m, 1m), new(5, "FM19", 10, 41m, 70, 300_000m, 1m, 1m)];
        DrgMonth[] region = [new(5, "ES23", 100, 90m, 800, 800_000m, 1m, 1m), new(5, "FM19", 40, 164m, 280, 1_200_000m, 1m, 1m)];

        var f = CaseMixIndicators.Of(unit, region);

        Assert.Equal(500_000 / 460_000.0, f.CostIndex!.Value, 9);
        Assert.Equal(270 / 230.0, f.TimeIndex!.Value, 9);
    }

    [Fact]
    public void Of_nothing_has_no_ratios()
    {
        var f = CaseMixIndicators.Of([], []);

        Assert.Equal(0, f.Cases);
        Assert.Null(f.GroupingRate);
        Assert.Null(f.Cmi);
        Assert.Null(f.CostIndex);
    }

    [Fact]
    public void PeerShares_pool_split_cases_per_adrg_across_the_peers()
    {
        var a = new HospitalCaseMixSummary("H1", 2, [new(1, "ES21", 10, 0, 0, 0, 0, 0), new(1, "ES25", 30, 0, 0, 0, 0, 0), new(1, "CB39", 5, 0, 0, 0, 0, 0)], new DateOnly(2026, 1, 31));
        var b = new HospitalCaseMixSummary("H2", 2, [new(2, "ES23", 20, 0, 0, 0, 0, 0), new(2, "ES25", 40, 0, 0, 0, 0, 0)], new DateOnly(2026, 2, 28));

        var shares = CaseMixIndicators.PeerShares([a, b]);

        Assert.Equal(new SeverityCount(100, 30), shares["ES2"]);
        Assert.False(shares.ContainsKey("CB3"));
    }
}
