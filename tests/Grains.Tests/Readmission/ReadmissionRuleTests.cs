using Monitoring.Alerts;
using Monitoring.Readmission;
using static Monitoring.Grains.Tests.Readmission.TestStays;

namespace Monitoring.Grains.Tests.Readmission;

public sealed class ReadmissionRuleTests
{
    private static readonly ReadmissionThresholds Defaults = new();

    [Fact]
    public void Readmission_on_the_day_of_discharge_matches()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 5, 9), Defaults);

        Assert.NotNull(finding);
        Assert.Equal(0, finding.IntervalDays);
    }

    [Fact]
    public void Readmission_on_the_last_day_of_the_window_matches()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 20, 24), Defaults);

        Assert.Equal(15, finding?.IntervalDays);
    }

    [Fact]
    public void Readmission_a_day_past_the_window_does_not_match() =>
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 21, 24), Defaults));

    [Fact]
    public void Overlapping_stays_do_not_match() =>
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 4, 8), Defaults));

    [Fact]
    public void Same_category_with_a_different_adrg_matches_on_the_category()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5, "J18.900", "ES23"), Stay("B", 8, 12, "J18.100", "FR11"), Defaults);

        Assert.Equal((true, false), (finding?.SameDiagnosisCategory, finding?.SameAdrg));
    }

    [Fact]
    public void Same_adrg_with_a_different_category_matches_on_the_adrg()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5, "J18.900", "ES23"), Stay("B", 8, 12, "J15.900", "ES21"), Defaults);

        Assert.Equal((false, true), (finding?.SameDiagnosisCategory, finding?.SameAdrg));
    }

    [Fact]
    public void Different_category_and_different_adrg_do_not_match() =>
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 5, "J18.900", "ES23"), Stay("B", 8, 12, "K35.800", "GB21"), Defaults));

    [Fact]
    public void Ungrouped_stay_matches_by_the_same_diagnosis()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5, "J18.900", drg: null), Stay("B", 8, 12, "J18.000", "ES23"), Defaults);

        Assert.Equal((true, false), (finding?.SameDiagnosisCategory, finding?.SameAdrg));
    }

    [Fact]
    public void Ungrouped_stays_with_different_diagnoses_do_not_match() =>
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 5, "J18.900", drg: null), Stay("B", 8, 12, "J15.900", drg: null), Defaults));

    [Theory]
    [InlineData("Z51.100", "Z51.100")]
    [InlineData("Z51.100", "C34.900")]
    [InlineData("C34.900", "Z51.100")]
    [InlineData("Z49.100", "N18.500")]
    [InlineData("N18.500", "Z49.100")]
    public void Planned_treatment_on_either_stay_is_excluded(string firstDiagnosis, string secondDiagnosis) =>
        // Same DRG on both so the pair would match were it not for the exclusion.
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 2, firstDiagnosis, "RE19"), Stay("B", 3, 5, secondDiagnosis, "RE19"), Defaults));

    [Fact]
    public void Death_on_the_first_stay_is_excluded() =>
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 5, disposition: '5'), Stay("B", 6, 9), Defaults));

    [Fact]
    public void Later_settlement_exactly_retention_days_after_the_earlier_discharge_matches() =>
        Assert.NotNull(ReadmissionRule.Match(Stay("A", 0, 5, settled: 6), Stay("B", 10, 14, settled: 65), Defaults));

    [Fact]
    public void Later_settlement_a_day_past_retention_does_not_match() =>
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 5, settled: 6), Stay("B", 10, 14, settled: 66), Defaults));

    [Fact]
    public void Retention_counts_from_the_stay_settled_first_whichever_was_admitted_first()
    {
        // The second stay was settled first (day 15); the first stay's late settlement must come within 60 days of
        // the second's discharge (day 14), not the first's.
        Assert.NotNull(ReadmissionRule.Match(Stay("A", 0, 5, settled: 74), Stay("B", 10, 14, settled: 15), Defaults));
        Assert.Null(ReadmissionRule.Match(Stay("A", 0, 5, settled: 75), Stay("B", 10, 14, settled: 15), Defaults));
    }

    [Theory]
    [InlineData(0, AlertSeverity.Critical)]
    [InlineData(2, AlertSeverity.Critical)]
    [InlineData(3, AlertSeverity.Warning)]
    [InlineData(7, AlertSeverity.Warning)]
    [InlineData(8, AlertSeverity.Notice)]
    [InlineData(15, AlertSeverity.Notice)]
    public void Severity_follows_the_interval_bands(int interval, AlertSeverity expected) =>
        Assert.Equal(expected, ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 5 + interval, 9 + interval), Defaults)?.Severity);

    [Fact]
    public void Discharge_against_medical_advice_raises_severity_a_step()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5, disposition: '4'), Stay("B", 15, 19), Defaults);

        Assert.Equal(AlertSeverity.Warning, finding?.Severity);
        Assert.Equal(SplitAggravation.NonMedicalAdviceDischarge, finding?.Aggravations);
    }

    [Fact]
    public void First_stay_under_half_its_drg_mean_raises_severity_a_step()
    {
        var norm = new DrgNorm(10, MeanLengthOfStay: 10.5, MeanTotalCost: 10_000m);

        var finding = ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 15, 19), Defaults, norm);

        Assert.Equal(AlertSeverity.Warning, finding?.Severity);
        Assert.Equal(SplitAggravation.ShortFirstStay, finding?.Aggravations);
        Assert.Equal(norm, finding?.Norm);
    }

    [Fact]
    public void Norm_of_fewer_cases_than_the_minimum_is_not_used()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 15, 19), Defaults, new DrgNorm(9, 10.5, 10_000m));

        Assert.Equal(AlertSeverity.Notice, finding?.Severity);
        Assert.Null(finding?.Norm);
    }

    [Fact]
    public void Both_stays_costing_no_more_than_one_usual_stay_raise_severity_a_step()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 5, totalCost: 6_000m), Stay("B", 15, 19, totalCost: 4_000m), Defaults,
            new DrgNorm(10, MeanLengthOfStay: 5, MeanTotalCost: 10_000m));

        Assert.Equal(AlertSeverity.Warning, finding?.Severity);
        Assert.Equal(SplitAggravation.CombinedCostWithinOneStay, finding?.Aggravations);
    }

    [Fact]
    public void Several_aggravations_raise_severity_one_step_only()
    {
        var finding = ReadmissionRule.Match(Stay("A", 0, 2, disposition: '4', totalCost: 3_000m), Stay("B", 12, 14, totalCost: 3_000m), Defaults,
            new DrgNorm(10, MeanLengthOfStay: 10, MeanTotalCost: 10_000m));

        Assert.Equal(AlertSeverity.Warning, finding?.Severity);
        Assert.Equal(["non-medical-advice-discharge", "short-first-stay", "combined-cost-within-one-stay"], finding?.AggravationCodes);
    }

    [Fact]
    public void Aggravation_on_a_critical_interval_stays_critical() =>
        Assert.Equal(AlertSeverity.Critical, ReadmissionRule.Match(Stay("A", 0, 5, disposition: '4'), Stay("B", 6, 9), Defaults)?.Severity);

    [Fact]
    public void County_thresholds_set_the_window() =>
        Assert.NotNull(ReadmissionRule.Match(Stay("A", 0, 5), Stay("B", 30, 34), new ReadmissionThresholds { WindowDays = 30, RetentionDays = 60 }));
}
