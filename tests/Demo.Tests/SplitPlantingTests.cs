using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

/// <summary>The planted split hospitalization of a demo year against an independent scan of its claims.</summary>
public sealed class SplitPlantingTests(DemoYearFixture year) : IClassFixture<DemoYearFixture>
{
    private IEnumerable<PlantedSplitPair> Standing => year.Planted.Pairs.Where(p => p.Stands);

    private HashSet<string> ReversedClaims =>
        year.Claims.Where(c => (string?)c["kind"] == "reversal").Select(c => (string)c["reversesClaimId"]!).ToHashSet();

    [Fact]
    public void Truth_finds_at_least_fifty_pairs()
    {
        Assert.True(year.Truth.Count >= 50, $"{year.Truth.Count} pairs");
    }

    [Fact]
    public void Truth_equals_the_standing_planted_pairs()
    {
        var truth = year.Truth.Select(p => (p.FirstClaimId, p.SecondClaimId, p.IntervalDays)).Order().ToList();
        var planted = Standing.Select(p => (p.FirstClaimId, p.SecondClaimId, p.IntervalDays)).Order().ToList();

        Assert.Equal(planted, truth);
    }

    [Fact]
    public void Planted_pairs_cover_every_shape()
    {
        var pairs = Standing.ToList();

        Assert.Contains(pairs, p => !p.Shape.HasFlag(PlantedSplitShape.CrossMember));
        Assert.Contains(pairs, p => p.Shape.HasFlag(PlantedSplitShape.CrossMember));
        Assert.Contains(pairs, p => p.Shape.HasFlag(PlantedSplitShape.SecondSettledFirst));
        Assert.Contains(pairs, p => p.Shape.HasFlag(PlantedSplitShape.NonMedicalDischarge));
        Assert.Contains(pairs, p => p.Shape.HasFlag(PlantedSplitShape.Chain));
        Assert.Contains(pairs, p => p.Shape.HasFlag(PlantedSplitShape.Corrected));
        Assert.Contains(year.Planted.Pairs, p => p.Shape.HasFlag(PlantedSplitShape.Reversed));
        Assert.Contains(pairs, p => p.IntervalDays is >= 0 and <= 2);
        Assert.Contains(pairs, p => p.IntervalDays is >= 3 and <= 7);
        Assert.Contains(pairs, p => p.IntervalDays is >= 8 and <= 15);
    }

    [Fact]
    public void Planted_second_settled_first_is_settled_before_the_first_within_a_month_of_discharge()
    {
        var claims = year.Claims.Where(c => (string?)c["kind"] == "settlement").ToDictionary(c => (string)c["claimId"]!);

        Assert.All(Standing.Where(p => p.Shape.HasFlag(PlantedSplitShape.SecondSettledFirst) && !p.Shape.HasFlag(PlantedSplitShape.Corrected)), p =>
        {
            var first = claims[p.FirstClaimId];
            var held = DateOnly.FromDateTime(DemoClaimStream.SettledAtOf(first).DateTime).DayNumber - DateOnly.Parse((string)first["dischargeDate"]!).DayNumber;
            Assert.True(DemoClaimStream.SettledAtOf(claims[p.SecondClaimId]) < DemoClaimStream.SettledAtOf(first), p.ToString());
            Assert.InRange(held, 1, 30);
        });
    }

    [Fact]
    public void Truth_holds_no_look_alike_claim()
    {
        var lookAlikes = year.Planted.LookAlikes.SelectMany(l => l.ClaimIds).ToHashSet();

        Assert.DoesNotContain(year.Truth, p => lookAlikes.Contains(p.FirstClaimId) || lookAlikes.Contains(p.SecondClaimId));
    }

    [Fact]
    public void Planted_look_alikes_of_every_kind()
    {
        Assert.Equal(Enum.GetValues<LookAlikeKind>(), year.Planted.LookAlikes.Select(l => l.Kind).Distinct().Order());
    }

    [Fact]
    public void Truth_holds_no_reversed_claim()
    {
        var reversed = ReversedClaims;

        Assert.DoesNotContain(year.Truth, p => reversed.Contains(p.FirstClaimId) || reversed.Contains(p.SecondClaimId));
    }

    [Fact]
    public void Planted_stays_are_about_one_percent_of_the_year()
    {
        var split = year.Planted.Pairs.SelectMany(p => new[] { p.FirstClaimId, p.SecondClaimId }).Distinct().Count();
        var lookAlike = year.Planted.LookAlikes.Sum(l => l.ClaimIds.Count);

        // The background's 0.7% and what the four deliberate splitters and the two bunching centres add.
        Assert.InRange(split, DemoYearFixture.ClaimsPerYear * 0.005, DemoYearFixture.ClaimsPerYear * 0.0125);
        Assert.InRange(lookAlike, DemoYearFixture.ClaimsPerYear * 0.004, DemoYearFixture.ClaimsPerYear * 0.01);
    }

    [Fact]
    public void Four_hospitals_split_deliberately_one_a_level_2_general_hospital_and_two_small_centres_wander()
    {
        var planted = new DemoClaimStream(year.Scenario, DemoYearFixture.Seed, DemoYearFixture.ClaimsPerYear).PlantedRateHospitals();
        var splitters = planted.Where(p => p.Splits).ToList();

        Assert.Equal(4, splitters.Count);
        Assert.Equal(2, planted.Count(p => !p.Splits));
        Assert.Contains(splitters, p => p.Level == 2 && p.Ratio == 3 && (p.HospitalId.EndsWith("00001", StringComparison.Ordinal) || p.HospitalId.EndsWith("00004", StringComparison.Ordinal)));
        Assert.All(splitters, p => Assert.True(p.Episodes > 0 && p.Onset.Month is >= 2 and <= 4, p.ToString()));
        Assert.Equal(planted.Count, planted.Select(p => p.HospitalId).Distinct().Count());
    }

    [Fact]
    public void Claims_without_planting_form_no_pair()
    {
        var claims = new DemoClaimStream(year.Scenario, DemoYearFixture.Seed, DemoYearFixture.ClaimsPerYear, plantSplits: false).Claims();

        Assert.Empty(SplitPairTruth.Find(System.Text.Json.JsonSerializer.SerializeToNode(year.Scenario.Registry, DemoJson.Compact)!, claims));
    }
}
