using Monitoring.CaseMix;
using Monitoring.Readmission;

namespace Monitoring.Grains.Tests.CaseMix;

public sealed class PeerPercentilesTests
{
    private static AreaCount Count(string id, long target, long cases) => new(id, target, cases);

    [Fact]
    public void Highest_rate_of_six_is_the_100th_percentile_and_flagged_and_the_lowest_is_the_0th()
    {
        var standings = PeerPercentiles.Of([
            Count("H1", 11, 100), Count("H2", 12, 100), Count("H3", 13, 100),
            Count("H4", 14, 100), Count("H5", 15, 100), Count("H6", 40, 100),
        ]);

        Assert.Equal(100, standings["H6"].Percentile);
        Assert.True(standings["H6"].Flagged);
        Assert.Equal(0, standings["H1"].Percentile);
        Assert.False(standings["H1"].Flagged);
        Assert.Equal(80, standings["H5"].Percentile); // four of the five others are lower: at the flag, so flagged
        Assert.True(standings["H5"].Flagged);
        Assert.Equal(60, standings["H4"].Percentile);
        Assert.False(standings["H4"].Flagged);
        Assert.All(standings.Values, s => Assert.Equal(6, s.Compared));
    }

    [Fact]
    public void A_count_of_one_to_ten_is_suppressed_shows_no_count_rate_or_percentile_and_is_left_out_of_the_others_comparison()
    {
        var standings = PeerPercentiles.Of([
            Count("H1", 11, 100), Count("H2", 12, 100), Count("H3", 13, 100),
            Count("H4", 14, 100), Count("H5", 15, 100), Count("small", 10, 12),
        ]);

        var small = standings["small"];
        Assert.True(small.Suppressed);
        Assert.Null(small.Numerator);
        Assert.Null(small.Rate);
        Assert.Null(small.Percentile);
        Assert.False(small.Flagged);
        // Without the small one (83% of its cases) the highest of the rest is the 100th percentile, not below it.
        Assert.Equal(100, standings["H5"].Percentile);
        Assert.Equal(5, standings["H5"].Compared);
    }

    [Fact]
    public void No_target_case_is_a_rate_of_zero_below_the_minimum_count_but_not_suppressed_since_there_is_nothing_to_hide()
    {
        var standings = PeerPercentiles.Of([Count("none", 0, 80), Count("H1", 11, 100)]);

        Assert.False(standings["none"].Suppressed);
        Assert.Equal(0, standings["none"].Numerator);
        Assert.Null(standings["none"].Percentile);
    }

    [Fact]
    public void Fewer_than_five_hospitals_compared_give_a_rate_but_no_percentile_and_no_flag()
    {
        var standings = PeerPercentiles.Of([Count("H1", 11, 100), Count("H2", 30, 100), Count("H3", 60, 100), Count("H4", 90, 100)]);

        Assert.Equal(0.9, standings["H4"].Rate!.Value, 9);
        Assert.Null(standings["H4"].Percentile);
        Assert.False(standings["H4"].Flagged);
    }

    [Fact]
    public void Ties_count_half_so_that_equal_rates_stand_at_the_same_percentile()
    {
        var standings = PeerPercentiles.Of([
            Count("H1", 11, 100), Count("H2", 20, 100), Count("H3", 20, 100), Count("H4", 20, 100), Count("H5", 30, 100),
        ]);

        Assert.Equal(50, standings["H2"].Percentile); // one lower, two tied of four others: (1 + 1) / 4
        Assert.Equal(standings["H2"].Percentile, standings["H4"].Percentile);
    }

    [Fact]
    public void Report_gives_each_area_month_by_month_from_the_summaries_and_the_readmission_months()
    {
        // Five level-1 peers; H5 keeps every case short and every split case heavy, and has the most pairs.
        var summaries = Enumerable.Range(1, 5).Select(i => new HospitalCaseMixSummary($"H{i}", 1,
        [
            new DrgMonth(3, "ES25", 90 - (i * 10), 0, 500, 0, 0, 0) { ShortStays = 10 + i },
            new DrgMonth(3, "ES23", 10 + (i * 10), 0, 50, 0, 0, 0) { ShortStays = i == 5 ? 50 : 0 },
        ], new DateOnly(2026, 3, 31)) { FundYear = 2026 }).ToList();
        var readmissions = Enumerable.Range(1, 5).Select(i => new HospitalReadmissionMonth($"H{i}", 3, 100, 10 + (i * 2))).ToList();

        var areas = PeerPercentiles.Report("H5", [.. summaries.SelectMany(CaseMixAreas.Of), .. readmissions.Select(CaseMixAreas.Of)]);

        Assert.Equal(TargetAreas.All, areas.Select(a => a.Area));
        Assert.All(areas, a => Assert.Equal(3, Assert.Single(a.Months).Month));
        var heavy = areas.Single(a => a.Area == TargetAreas.HeavyShare).Months[0].Standing;
        Assert.Equal(60, heavy.Numerator);
        Assert.Equal(100, heavy.Denominator);
        Assert.Equal(100, heavy.Percentile);
        Assert.Equal(65, areas.Single(a => a.Area == TargetAreas.ShortStay).Months[0].Standing.Numerator);
        Assert.True(areas.Single(a => a.Area == TargetAreas.ReadmissionRate).Months[0].Standing.Flagged);
    }
}
