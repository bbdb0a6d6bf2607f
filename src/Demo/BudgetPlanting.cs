using Monitoring.Registry;

namespace Monitoring.Demo;

/// <summary>
/// Plants budget stories in the demo year, for the budget alerts to be measured against (<c>budget-measure</c>) and
/// for the dashboard to show what regulators meet in a real year. Every other hospital keeps the spending factor the
/// prefecture gave it (85–100% of its budget, spread evenly by the county's monthly profile), which is what "keeps
/// pace" looks like — township health centres (乡镇卫生院) with a few dozen claims a month among them. The stories:
/// <list type="bullet">
/// <item>临翔区中医医院 steps up by 30% from 1 June, and 博尚镇中心卫生院 (a township centre) by 30% from 1 April;</item>
/// <item>凤庆县中医医院 runs 30% hot from January to March, then at 85% for the rest of the year, and ends within budget;</item>
/// <item>耿马傣族佤族自治县 spends on pace to August, then every hospital of the county 55% more from 1 September, which
/// overruns the county fund in December.</item>
/// </list>
/// The shapes are monthly multipliers on top of each hospital's spending factor (<see cref="DemoInstitution.MonthlyShape"/>).
/// </summary>
public static class BudgetPlanting
{
    public const string StepUpHospitalId = "H53090200002";
    public const string StepUpTownshipId = "H53090200101";
    public const string HotEarlyHospitalId = "H53092100002";
    public const string LateCountyId = "530926";
    public const decimal StepUp = 1.30m;
    public const decimal LateSurge = 1.55m;

    /// <summary>The scenario with the stories planted, and which funds carry them.</summary>
    public static (DemoScenario Scenario, IReadOnlyList<PlantedBudgetFund> Funds) Plant(DemoScenario scenario, int fundYear)
    {
        var funds = new List<PlantedBudgetFund>();
        var institutions = scenario.Institutions.Select(institution =>
        {
            var id = institution.Hospital.HospitalId;
            var name = institution.Hospital.Name;
            switch (id)
            {
                case StepUpHospitalId:
                    funds.Add(new(FundLevel.Hospital, id, name, BudgetStory.StepsUp, new DateOnly(fundYear, 6, 1), StepUp));
                    return institution with { SpendingFactor = 0.95m, MonthlyShape = From(6, 1m, StepUp) };
                case StepUpTownshipId:
                    funds.Add(new(FundLevel.Hospital, id, name, BudgetStory.StepsUp, new DateOnly(fundYear, 4, 1), StepUp));
                    return institution with { SpendingFactor = 0.95m, MonthlyShape = From(4, 1m, StepUp) };
                case HotEarlyHospitalId:
                    funds.Add(new(FundLevel.Hospital, id, name, BudgetStory.RunsHotEarlyThenRecovers, new DateOnly(fundYear, 1, 1), 1.30m));
                    return institution with { SpendingFactor = 1.0m, MonthlyShape = From(4, 1.30m, 0.85m) };
                default:
                    return institution.CountyId == LateCountyId ? institution with { MonthlyShape = From(9, 1m, LateSurge) } : institution;
            }
        }).ToList();

        var county = scenario.Registry.Regions.SelectMany(r => r.Counties).Single(c => c.CountyId == LateCountyId);
        funds.Add(new(FundLevel.County, county.CountyId, county.Name, BudgetStory.OverrunsLate, new DateOnly(fundYear, 9, 1), LateSurge));
        return (scenario with { Institutions = institutions }, funds);
    }

    /// <summary>Twelve monthly multipliers: <paramref name="before"/> until <paramref name="month"/>, <paramref name="after"/> from it.</summary>
    private static decimal[] From(int month, decimal before, decimal after) =>
        [.. Enumerable.Range(1, 12).Select(m => m < month ? before : after)];
}
