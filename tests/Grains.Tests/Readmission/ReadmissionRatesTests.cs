using Monitoring.Readmission;

namespace Monitoring.Grains.Tests.Readmission;

public sealed class ReadmissionRatesTests
{
    private static readonly ReadmissionThresholds Defaults = new();
    private static readonly DateOnly Day = new(2026, 6, 30);

    private static HospitalRate Rate(string id, int level, int discharges, int pairs) => new(id, level, new ReadmissionRate(discharges, pairs));

    [Fact]
    public void Counts_rate_pairs_per_discharge_over_the_window_only()
    {
        var counts = new HospitalReadmissionCounts(windowDays: 90);
        counts.Discharged(Day.AddDays(-90), 100);
        counts.Discharged(Day.AddDays(-89), 40);
        counts.Discharged(Day, 60);
        counts.Paired(Day.AddDays(-90), 7);
        counts.Paired(Day, 5);

        Assert.Equal(new ReadmissionRate(100, 5), counts.Rate(Day));
        Assert.Equal(0.05, counts.Rate(Day).Rate, 9);
    }

    [Fact]
    public void Counts_take_back_a_withdrawn_pair_on_the_day_it_was_counted()
    {
        var counts = new HospitalReadmissionCounts(windowDays: 90);
        counts.Discharged(Day, 2);
        counts.Paired(Day);
        counts.Paired(Day, -1);

        Assert.Equal(new ReadmissionRate(2, 0), counts.Rate(Day));
    }

    [Fact]
    public void Peer_median_leaves_out_the_hospital_itself_and_other_levels()
    {
        HospitalRate[] hospitals =
        [
            Rate("H1", 2, 100, 50), Rate("H2", 2, 100, 2), Rate("H3", 2, 100, 4), Rate("H4", 2, 100, 9), Rate("H5", 3, 100, 40),
        ];

        var peers = ReadmissionRates.PeerMedian("H1", 2, hospitals, Defaults);

        Assert.Equal(new PeerComparison(0.04, 3), peers);
    }

    [Fact]
    public void Peer_median_of_an_even_number_of_peers_is_the_mean_of_the_middle_two()
    {
        HospitalRate[] hospitals = [Rate("H2", 2, 100, 2), Rate("H3", 2, 100, 4), Rate("H4", 2, 100, 6), Rate("H5", 2, 100, 8)];

        Assert.Equal(0.05, ReadmissionRates.PeerMedian("H1", 2, hospitals, Defaults)!.Median, 9);
    }

    [Fact]
    public void Peer_median_of_fewer_than_three_peers_is_no_judgement()
    {
        // H4 has too few discharges to count as a peer.
        HospitalRate[] hospitals = [Rate("H1", 2, 100, 50), Rate("H2", 2, 100, 2), Rate("H3", 2, 100, 4), Rate("H4", 2, 49, 1)];

        Assert.Null(ReadmissionRates.PeerMedian("H1", 2, hospitals, Defaults));
    }

    [Fact]
    public void Reference_pools_the_other_hospitals_of_the_level()
    {
        HospitalRate[] hospitals =
        [
            Rate("H1", 2, 1_000, 90), Rate("H2", 2, 600, 2), Rate("H3", 2, 300, 4), Rate("H4", 2, 100, 0), Rate("H5", 1, 5_000, 400),
        ];

        Assert.Equal(new RateReference(0.006, 3, 1_000, 6, SameLevel: true), ReadmissionRates.Reference("H1", 2, hospitals, Defaults));
    }

    [Fact]
    public void Reference_of_a_level_with_too_few_peers_is_the_regions_rate()
    {
        HospitalRate[] hospitals = [Rate("H1", 3, 9_000, 90), Rate("H2", 2, 600, 3), Rate("H3", 2, 300, 1), Rate("H4", 1, 100, 0)];

        Assert.Equal(new RateReference(0.004, 3, 1_000, 4, SameLevel: false), ReadmissionRates.Reference("H1", 3, hospitals, Defaults));
    }

    [Fact]
    public void Reference_on_too_few_discharges_is_no_judgement() =>
        Assert.Null(ReadmissionRates.Reference("H1", 2, [Rate("H2", 2, 300, 3), Rate("H3", 2, 300, 1), Rate("H4", 2, 300, 0)], Defaults));

    [Fact]
    public void Options_give_a_county_its_own_thresholds_and_the_defaults_elsewhere()
    {
        var options = new ReadmissionOptions { Counties = { ["530922"] = new ReadmissionThresholds { WindowDays = 30 } } };

        Assert.Equal((30, 15), (options.For("530922").WindowDays, options.For("530921").WindowDays));
        Assert.True(options.IsValid);
    }

    [Fact]
    public void Options_with_warning_band_past_the_window_are_invalid() =>
        Assert.False(new ReadmissionOptions { Defaults = new ReadmissionThresholds { WindowDays = 5 } }.IsValid);
}
