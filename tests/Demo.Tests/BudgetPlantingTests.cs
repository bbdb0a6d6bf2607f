using System.Text.Json;
using Monitoring.Demo;
using Monitoring.Registry;

namespace Monitoring.Demo.Tests;

/// <summary>The planted budget stories, read back from a generated year through the independent truth.</summary>
public sealed class BudgetPlantingTests
{
    private static readonly (DemoScenario Scenario, IReadOnlyList<PlantedBudgetFund> Funds) Planted =
        BudgetPlanting.Plant(DemoPrefecture.Plan(DemoYearFixture.Seed, 2026), 2026);

    private static readonly Lazy<Dictionary<(string Level, string Id), FundPaceTruth>> Truth = new(() =>
        BudgetPaceTruth.Compute(Planted.Scenario.Registry,
                new DemoClaimStream(Planted.Scenario, DemoYearFixture.Seed, DemoYearFixture.ClaimsPerYear).Claims())
            .ToDictionary(t => (t.Level, t.Id)));

    [Fact]
    public void Every_story_is_planted_on_the_fund_it_names()
    {
        Assert.Equal(
            [
                (FundLevel.Hospital, BudgetPlanting.StepUpHospitalId, BudgetStory.StepsUp),
                (FundLevel.Hospital, BudgetPlanting.StepUpTownshipId, BudgetStory.StepsUp),
                (FundLevel.Hospital, BudgetPlanting.HotEarlyHospitalId, BudgetStory.RunsHotEarlyThenRecovers),
                (FundLevel.County, BudgetPlanting.LateCountyId, BudgetStory.OverrunsLate),
            ],
            Planted.Funds.Select(f => (f.Level, f.Id, f.Story)));
        // Stories move spending, never budgets: the registry is the prefecture's own.
        Assert.Equal(JsonSerializer.Serialize(DemoPrefecture.Plan(DemoYearFixture.Seed, 2026).Registry), JsonSerializer.Serialize(Planted.Scenario.Registry));
    }

    [Fact]
    public void Step_up_hospital_keeps_pace_until_its_date_and_then_runs_ahead()
    {
        var fund = Truth.Value[(FundLevel.Hospital, BudgetPlanting.StepUpHospitalId)];
        Assert.True(fund.MaxGapOn >= new DateOnly(2026, 6, 1));
        Assert.NotNull(fund.CrossedTenPointsOn);
        Assert.InRange(fund.EndShare, 1.08m, 1.16m);
    }

    [Fact]
    public void Hot_early_hospital_peaks_in_spring_and_ends_within_budget()
    {
        var fund = Truth.Value[(FundLevel.Hospital, BudgetPlanting.HotEarlyHospitalId)];
        Assert.InRange(fund.MaxGapOn, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 15));
        Assert.InRange(fund.MaxGapPoints, 5m, 10m);
        Assert.True(fund.EndShare <= 0.98m, $"ended at {fund.EndShare:P1}");
    }

    [Fact]
    public void Late_county_exhausts_its_budget_in_december()
    {
        var county = Truth.Value[(FundLevel.County, BudgetPlanting.LateCountyId)];
        Assert.Equal(12, county.ExhaustedOn?.Month);
    }

    [Fact]
    public void Most_other_funds_keep_pace()
    {
        var others = Truth.Value.Values.Where(t => t.CountyId is not (DemoPrefecture.HotCountyId or BudgetPlanting.LateCountyId)
            && t.Id is not (DemoPrefecture.HotHospitalId or BudgetPlanting.StepUpHospitalId or BudgetPlanting.StepUpTownshipId or BudgetPlanting.HotEarlyHospitalId)
            && t.Level == FundLevel.Hospital).ToList();
        Assert.True(others.Count(o => o.MaxGapPoints <= 4) >= others.Count * 9 / 10, "a hospital on its own factor stays within 4 points of pace");
        Assert.Contains(others, o => o.KeptPace && o.Name.EndsWith("卫生院", StringComparison.Ordinal));
    }
}
