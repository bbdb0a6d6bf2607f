using Monitoring.Assessment;
using Monitoring.Registry;
using Monitoring.Settlements;
using static Monitoring.Grains.Tests.Settlements.PackageFixtures;

namespace Monitoring.Grains.Tests.Assessment;

public sealed class AssessmentIndicatorsTests
{
    private static AssessmentReading Read(string level, string id, PackageTerms? terms = null) =>
        AssessmentIndicators.Read(level, id, TwoCounties(), Cells, terms ?? new PackageTerms(), monthsCounted: 3);

    private static IndicatorReading Indicator(AssessmentReading reading, string code) => reading.Indicators.Single(i => i.Code == code);

    [Fact]
    public void Admission_rate_counts_the_county_insured_wherever_treated_annualised()
    {
        var rate = Indicator(Read(FundLevel.County, Yun), IndicatorCodes.AdmissionRate);

        // 19 admissions of 1,000 insured in 3 months: 7.60% a year.
        Assert.Equal((19m, 1000m, 7.60m, "met"), (rate.Numerator, rate.Denominator, rate.Value, rate.Status));
        Assert.Equal([20.40m, 2.40m, 0.00m], rate.Trend.Take(3));
        Assert.All(rate.Trend.Skip(3), m => Assert.Null(m));
    }

    [Fact]
    public void In_and_out_of_county_rates_split_the_insured_admissions()
    {
        var reading = Read(FundLevel.County, Yun);
        var inCounty = Indicator(reading, IndicatorCodes.InCountyRate);
        var outside = Indicator(reading, IndicatorCodes.OutOfCountyRate);

        Assert.Equal((17m, 19m, 89.47m, "missed"), (inCounty.Numerator, inCounty.Denominator, inCounty.Value, inCounty.Status));
        Assert.Equal((2m, 10.53m, "missed"), (outside.Numerator, outside.Value, outside.Status));
        Assert.Equal([11.76m, 0.00m, null], outside.Trend.Take(3));
    }

    [Fact]
    public void Primary_share_cost_growth_and_drg_indicators_from_known_cells()
    {
        var reading = Read(FundLevel.County, Yun);

        Assert.Equal((36.84m, "missed"), (Indicator(reading, IndicatorCodes.PrimaryShare).Value, Indicator(reading, IndicatorCodes.PrimaryShare).Status));
        // 41,200.75 in 3 months is 164,803.00 a year against 400,000 the year before.
        Assert.Equal((-58.80m, "met"), (Indicator(reading, IndicatorCodes.CostGrowth).Value, Indicator(reading, IndicatorCodes.CostGrowth).Status));
        Assert.Equal((17m, 20m, 85.00m), (Indicator(reading, IndicatorCodes.DrgGroupingRate).Numerator,
            Indicator(reading, IndicatorCodes.DrgGroupingRate).Denominator, Indicator(reading, IndicatorCodes.DrgGroupingRate).Value));
        Assert.Equal((31_300m, 39_500.50m, 79.24m, "met"), (Indicator(reading, IndicatorCodes.DrgFundShare).Numerator,
            Indicator(reading, IndicatorCodes.DrgFundShare).Denominator, Indicator(reading, IndicatorCodes.DrgFundShare).Value,
            Indicator(reading, IndicatorCodes.DrgFundShare).Status));
    }

    [Fact]
    public void Score_weighs_met_indicators_whole_and_missed_ones_by_how_near_they_came()
    {
        var reading = Read(FundLevel.County, Yun);

        // 20 + 15·89.47/90 + 10·10/10.53 + 15·36.84/65 + 20 + 10·85/90 + 10 = 92.3543 of 100.
        Assert.Equal(92.35m, reading.Score);
    }

    [Fact]
    public void Alliance_counts_drg_indicators_on_its_members_and_has_no_cost_baseline()
    {
        var reading = Read(FundLevel.Alliance, "T");

        Assert.Equal(94.12m, Indicator(reading, IndicatorCodes.DrgGroupingRate).Value);
        Assert.Equal("no-data", Indicator(reading, IndicatorCodes.CostGrowth).Status);
        Assert.Equal(7.60m, Indicator(reading, IndicatorCodes.AdmissionRate).Value);
    }

    [Fact]
    public void County_targets_are_configurable()
    {
        var terms = new PackageTerms { Targets = new AssessmentTargets { InCountyRate = 85m, AdmissionRate = 5m } };

        var reading = Read(FundLevel.County, Yun, terms);

        Assert.Equal("met", Indicator(reading, IndicatorCodes.InCountyRate).Status);
        Assert.Equal("missed", Indicator(reading, IndicatorCodes.AdmissionRate).Status);
    }

    [Fact]
    public void Without_a_population_the_admission_rate_has_no_data_and_weighs_nothing()
    {
        var registry = TwoCounties(yunInsured: null, perHead: null);

        var reading = AssessmentIndicators.Read(FundLevel.County, Yun, registry, Cells, new PackageTerms(), 3);

        Assert.Equal(("no-data", (decimal?)null), (Indicator(reading, IndicatorCodes.AdmissionRate).Status, Indicator(reading, IndicatorCodes.AdmissionRate).Earned));
        Assert.NotNull(reading.Score);
    }
}
