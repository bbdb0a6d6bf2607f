using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

/// <summary>The upcoding the demo year plants, checked against what the claims alone say (<see cref="UpcodingTruth"/>).</summary>
public sealed class UpcodingPlantingTests(DemoYearFixture year) : IClassFixture<DemoYearFixture>
{
    private static readonly IReadOnlyDictionary<string, HospitalCodingMonths> Truth = UpcodingTruthOf();

    private static IReadOnlyDictionary<string, HospitalCodingMonths> UpcodingTruthOf()
    {
        var scenario = DemoPrefecture.Plan(2026, 2026);
        // The full year: the smallest planted upcoder needs its cases for a clear before-and-after.
        return UpcodingTruth.ByHospital(new DemoClaimStream(scenario, 2026, 200_000).Claims());
    }

    private PlantedUpcoding Planted => new DemoClaimStream(year.Scenario, DemoYearFixture.Seed, DemoYearFixture.ClaimsPerYear).PlantedUpcoding();

    [Fact]
    public void Planting_names_three_upcoders_of_levels_1_and_2_with_onsets_during_the_year_one_of_them_at_12_percent()
    {
        var planted = Planted;

        Assert.Equal(3, planted.Upcoders.Count);
        Assert.Equal([1, 2], planted.Upcoders.Select(u => u.Level).Distinct().Order());
        Assert.All(planted.Upcoders, u => Assert.InRange(u.Onset, new DateOnly(2026, 3, 1), new DateOnly(2026, 10, 1)));
        Assert.Contains(planted.Upcoders, u => u.MovedShare <= 0.12);
        Assert.All(planted.Upcoders, u => Assert.True(u.MovedCases > 0));
        Assert.NotNull(planted.ReferralCentreId);
    }

    [Fact]
    public void Claims_of_each_upcoder_turn_heavy_but_light_from_its_onset_month()
    {
        foreach (var u in Planted.Upcoders)
        {
            var months = Truth[u.HospitalId];
            var before = months.LightShare(1, u.Onset.Month - 1);
            var after = months.LightShare(u.Onset.Month + 1, 12);
            // About 60% of split cases are severity 5, so the moved share of them is MovedShare × 0.6 of all split cases;
            // a moved case keeps a severity-5 stay and cost, so at least a fifth of them fall below both medians.
            Assert.True(after > before + (u.MovedShare * 0.6 / 5), $"{u.HospitalId}: heavy-but-light share {before:P1} before, {after:P1} after");
        }
    }

    [Fact]
    public void The_referral_centre_is_heavy_all_year_and_its_heavy_cases_are_not_light()
    {
        var referral = Truth[Planted.ReferralCentreId!];
        var others = Truth.Where(t => t.Key != Planted.ReferralCentreId && Planted.Upcoders.All(u => u.HospitalId != t.Key)).Select(t => t.Value).ToList();

        Assert.True(referral.HeavyShare(1, 3) > others.Average(o => o.HeavyShare(1, 3)) + 0.1);
        Assert.InRange(referral.HeavyShare(10, 12) - referral.HeavyShare(1, 3), -0.05, 0.05);
        Assert.True(referral.LightShare(1, 12) <= others.Average(o => o.LightShare(1, 12)) + 0.02);
    }

    [Fact]
    public void Some_claims_are_not_grouped_so_the_grouping_rate_is_below_100_percent()
    {
        var settlements = year.Claims.Where(c => (string?)c["kind"] == "settlement").ToList();
        var ungrouped = settlements.Count(c => c["drgCode"] is null);

        Assert.InRange(ungrouped / (double)settlements.Count, 0.02, 0.06);
        Assert.All(settlements.Where(c => c["drgCode"] is null), c => Assert.Equal("fee-for-service", (string?)c["paymentMethod"]));
    }
}
