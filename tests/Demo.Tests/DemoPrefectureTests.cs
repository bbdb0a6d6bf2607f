using System.Text.Json;
using Monitoring.Registry;
using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

public sealed class DemoPrefectureTests
{
    private static readonly DemoScenario Scenario = DemoPrefecture.Plan(2026, 2026);

    private static IEnumerable<CountyEntry> Counties => Scenario.Registry.Regions.SelectMany(r => r.Counties);

    [Fact]
    public void Build_registry_passes_the_registry_parser()
    {
        var parsed = RegistryParser.Parse(JsonSerializer.Serialize(Scenario.Registry, DemoJson.Indented));

        Assert.Empty(parsed.Errors);
        Assert.Equal(Scenario.Institutions.Count, parsed.Document!.Regions.Sum(r => r.Counties.Sum(c => c.Hospitals.Count)));
    }

    [Fact]
    public void Build_has_three_or_four_counties_each_with_a_tight_alliance()
    {
        Assert.InRange(Counties.Count(), 3, 4);
        Assert.All(Counties, c => Assert.Single(c.Alliances, a => a.Type == "tight"));
    }

    [Fact]
    public void Build_has_loose_alliances_in_some_counties()
    {
        Assert.Contains(Counties, c => c.Alliances.Any(a => a.Type == "loose"));
        Assert.Contains(Counties, c => c.Alliances.All(a => a.Type == "tight"));
    }

    [Fact]
    public void Build_has_hospitals_of_every_level()
    {
        Assert.Equal([1, 2, 3], Scenario.Institutions.Select(i => i.Hospital.Level).Distinct().Order());
    }

    [Fact]
    public void Build_has_private_hospitals_outside_every_alliance()
    {
        var unallied = Scenario.Institutions.Where(i => i.Hospital.AllianceId is null).ToList();

        Assert.NotEmpty(unallied);
        Assert.All(unallied, i => Assert.Equal(InstitutionKind.Private, i.Kind));
    }

    [Fact]
    public void Build_hospital_ids_carry_their_county_code()
    {
        Assert.All(Counties, c => Assert.All(c.Hospitals, h => Assert.Matches($"^H{c.CountyId}[0-9]{{5}}$", h.HospitalId)));
    }

    [Fact]
    public void Build_monthly_profiles_sum_to_exactly_one()
    {
        Assert.All(Counties, c =>
        {
            Assert.Equal(12, c.MonthlyProfile!.Count);
            Assert.Equal(1m, c.MonthlyProfile.Sum());
        });
    }

    [Fact]
    public void Build_monthly_profiles_weigh_winter_over_summer()
    {
        Assert.All(Counties, c => Assert.True(c.MonthlyProfile![0] + c.MonthlyProfile[11] > c.MonthlyProfile[6] + c.MonthlyProfile[7]));
    }

    [Fact]
    public void Build_alliance_budgets_are_roughly_their_members_budgets()
    {
        Assert.All(Counties, c => Assert.All(c.Alliances, a =>
        {
            var members = c.Hospitals.Where(h => h.AllianceId == a.AllianceId).Sum(h => h.AnnualBudget!.Value);
            Assert.InRange(a.AnnualBudget / members, 0.99m, 1.03m);
        }));
    }

    [Fact]
    public void Build_county_budgets_cover_alliances_and_unallied_hospitals()
    {
        Assert.All(Counties, c =>
        {
            var handedOut = c.Alliances.Sum(a => a.AnnualBudget) + c.Hospitals.Where(h => h.AllianceId is null).Sum(h => h.AnnualBudget!.Value);
            Assert.InRange(c.AnnualBudget, handedOut, handedOut * 1.1m);
        });
    }

    [Fact]
    public void Build_with_the_same_seed_gives_the_same_registry()
    {
        var again = DemoPrefecture.Build(2026, 2026);

        Assert.Equal(JsonSerializer.Serialize(Scenario.Registry), JsonSerializer.Serialize(again));
    }

    [Fact]
    public void Build_with_another_seed_moves_the_budgets_but_not_the_hierarchy()
    {
        var other = DemoPrefecture.Plan(7, 2026);

        Assert.Equal(Scenario.Institutions.Select(i => i.Hospital.HospitalId), other.Institutions.Select(i => i.Hospital.HospitalId));
        Assert.NotEqual(Scenario.Institutions.Select(i => i.Hospital.AnnualBudget), other.Institutions.Select(i => i.Hospital.AnnualBudget));
    }

    [Fact]
    public void Build_plants_the_hot_hospital_and_alliance()
    {
        Assert.Equal(DemoPrefecture.HotHospitalFactor, Scenario.Institutions.Single(i => i.Hospital.HospitalId == DemoPrefecture.HotHospitalId).SpendingFactor);
        Assert.All(Scenario.Institutions.Where(i => i.Hospital.AllianceId == DemoPrefecture.HotAllianceId), i => Assert.InRange(i.SpendingFactor, 1.12m, 1.18m));
    }
}
