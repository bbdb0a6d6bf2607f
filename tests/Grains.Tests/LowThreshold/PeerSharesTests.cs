using Monitoring.LowThreshold;
using Monitoring.Registry;
using Monitoring.Statistics;

namespace Monitoring.Grains.Tests.LowThreshold;

public sealed class PeerSharesTests
{
    private static readonly LowThresholdOptions Options = new();

    private static HospitalShareReport Report(string hospitalId, int level, params (string Drg, int Stays, int ShortAndCheap)[] counts) =>
        new(new HospitalPlacement(hospitalId, "530902", "530900", null), level, 100,
            counts.ToDictionary(c => c.Drg, c => new DrgCount(c.Stays, c.ShortAndCheap)),
            [new MonthShare(2026, 3, counts.Sum(c => c.Stays), counts.Sum(c => c.Stays), counts.Sum(c => c.ShortAndCheap))]);

    [Fact]
    public void For_takes_same_level_peers_only_and_never_the_hospital_itself()
    {
        HospitalShareReport[] reports =
        [
            Report("H1", 1, ("DT15", 200, 40)),   // the hospital asking
            Report("H2", 1, ("DT15", 200, 10)),
            Report("H3", 1, ("DT15", 100, 6)),
            Report("H4", 2, ("DT15", 500, 250)),  // another level
        ];

        var peers = PeerShares.For("H1", 1, reports, Options);

        Assert.Equal(2, peers.Peers);
        Assert.Equal((0.05 + 0.06) / 2, peers.MedianShare!.Value, 12);
        Assert.Equal(16.0 / 300, peers.PooledShare!.Value, 12);
        Assert.Equal(16.0 / 300, peers.ReferenceFor("DT15"), 12);
        var month = Assert.Single(peers.Months);
        Assert.Equal((2026, 3, 0.055, 2), (month.Year, month.Month, Math.Round(month.MedianShare, 6), month.Hospitals));
    }

    [Fact]
    public void For_has_no_reference_with_fewer_peers_than_the_minimum_or_peers_too_thin_to_count()
    {
        HospitalShareReport[] reports = [Report("H1", 1, ("DT15", 200, 40)), Report("H2", 1, ("DT15", 200, 10)), Report("H3", 1, ("DT15", 99, 6))];

        var peers = PeerShares.For("H1", 1, reports, Options);

        Assert.Equal(1, peers.Peers);
        Assert.Null(peers.PooledShare);
    }

    [Fact]
    public void ReferenceFor_a_drg_the_peers_rarely_treat_falls_back_to_their_pooled_share()
    {
        HospitalShareReport[] reports =
        [
            Report("H2", 1, ("DT15", 200, 10), ("GU25", 5, 5)),
            Report("H3", 1, ("DT15", 200, 10), ("GU25", 5, 5)),
        ];

        var peers = PeerShares.For("H1", 1, reports, Options);

        Assert.Equal(30.0 / 410, peers.ReferenceFor("GU25"), 12);
        Assert.Equal(30.0 / 410, peers.ReferenceFor("ES25"), 12);
        Assert.Equal(0.05, peers.ReferenceFor("DT15"), 12);
    }

    [Fact]
    public void A_case_mix_adjusted_comparison_does_not_blame_a_hospital_for_treating_what_is_often_short()
    {
        // The hospital treats mostly DT15, whose peers' share is 20%, and little GU25 (2%): its 18% overall share is
        // what its mix predicts, though the peers' pooled share is far lower.
        var reference = new Dictionary<string, double> { ["DT15"] = 0.20, ["GU25"] = 0.02 };
        var counts = new Dictionary<string, DrgCount> { ["DT15"] = new(400, 80), ["GU25"] = new(100, 2) };

        var compared = ObservedExpected.Of(ShareHistory.Strata(counts, drg => reference[drg]));

        Assert.Equal(82, compared.Observed);
        Assert.Equal(82, compared.Expected, 9);
        Assert.False(compared.Exceeds(Options.PeerMinStays, Options.PeerMinExpected, Options.PeerMinRatio, Options.PeerMaxPValue));
    }
}
