using Monitoring.Watch;
using Monitoring.Claims;
using Monitoring.LowThreshold;

namespace Monitoring.Grains.Tests.LowThreshold;

public sealed class LowThresholdRuleTests
{
    private static readonly LowThresholdOptions Options = new();

    private static ClaimEvent Claim(int days = 1, decimal cost = 1000, string diagnosis = "J06.900", string? drg = "DT15",
        string disposition = "1", string payment = "drg") => new()
    {
        ClaimId = "S1",
        Kind = ClaimKind.Settlement,
        SettledAt = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.FromHours(8)),
        HospitalId = "H53090200101",
        PatientId = "P-1",
        AdmissionDate = new DateOnly(2026, 5, 1),
        DischargeDate = new DateOnly(2026, 5, 1).AddDays(days),
        DischargeDisposition = disposition,
        PrincipalDiagnosis = diagnosis,
        DrgCode = drg,
        PaymentMethod = payment,
        TotalCost = cost,
        FundPaid = cost / 2,
    };

    [Fact]
    public void Candidate_of_an_ordinary_settlement_carries_what_the_evidence_needs()
    {
        var stay = LowThresholdRule.Candidate(Claim(days: 2, cost: 900m), Options)!;

        Assert.Equal(("S1", "DT15", "J06.900", 2, 900m, new DateOnly(2026, 5, 4), true),
            (stay.ClaimId, stay.DrgCode, stay.PrincipalDiagnosis, stay.LengthOfStay, stay.TotalCost, stay.SettledDay, stay.OutpatientTreatable));
    }

    [Theory]
    [InlineData("5", "drg", "J06.900")]      // death
    [InlineData("2", "drg", "J06.900")]      // transferred to another hospital
    [InlineData("3", "drg", "J06.900")]      // transferred to a community or township centre
    [InlineData("1", "day-surgery", "J06.900")]
    [InlineData("1", "drg", "Z51.100")]      // chemotherapy
    [InlineData("1", "drg", "Z49.100")]      // dialysis
    public void Candidate_leaves_out_deaths_transfers_day_surgery_and_planned_treatment(string disposition, string payment, string diagnosis)
    {
        Assert.Null(LowThresholdRule.Candidate(Claim(disposition: disposition, payment: payment, diagnosis: diagnosis), Options));
    }

    [Fact]
    public void Candidate_of_an_ungrouped_settlement_is_null_because_there_is_no_median_to_compare()
    {
        Assert.Null(LowThresholdRule.Candidate(Claim(drg: null), Options));
    }

    [Fact]
    public void Candidate_marks_a_diagnosis_outside_the_outpatient_list()
    {
        Assert.False(LowThresholdRule.Candidate(Claim(diagnosis: "J18.900"), Options)!.OutpatientTreatable);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 7)]
    public void LengthOfStay_counts_the_day_of_admission_and_of_discharge_once(int nights, int expected)
    {
        Assert.Equal(expected, LowThresholdRule.LengthOfStay(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1).AddDays(nights)));
    }

    [Theory]
    [InlineData(2, 1000.0, 2000.0, true)]    // exactly half the median: cheap
    [InlineData(2, 1000.01, 2000.0, false)]
    [InlineData(3, 500.0, 2000.0, false)]     // three days is not short
    [InlineData(1, 100.0, null, false)]     // no trusted median: not judged short and cheap
    public void IsShortAndCheap_holds_at_the_boundaries(int days, double cost, double? median, bool expected)
    {
        var stay = LowThresholdRule.Candidate(Claim(days: days, cost: (decimal)cost), Options)!;

        Assert.Equal(expected, LowThresholdRule.IsShortAndCheap(stay, median, Options));
    }

    [Fact]
    public void IsShortAndCheap_counts_only_outpatient_treatable_diagnoses_when_asked()
    {
        var strict = new LowThresholdOptions { CountOnlyOutpatientTreatable = true };
        var pneumonia = LowThresholdRule.Candidate(Claim(diagnosis: "J18.900", drg: "ES25"), strict)!;
        var cold = LowThresholdRule.Candidate(Claim(diagnosis: "J06.900"), strict)!;

        Assert.False(LowThresholdRule.IsShortAndCheap(pneumonia, 4000, strict));
        Assert.True(LowThresholdRule.IsShortAndCheap(cold, 4000, strict));
    }

    [Fact]
    public void Options_defaults_are_valid_and_a_clearing_ratio_at_the_raising_ratio_is_not()
    {
        Assert.True(new LowThresholdOptions().IsValid);
        Assert.False(new LowThresholdOptions { PeerClearRatio = 2.0, PeerMinRatio = 2.0 }.IsValid);
        Assert.False(new LowThresholdOptions { MaxCostFractionOfMedian = 1.2 }.IsValid);
        Assert.False(new LowThresholdOptions { OutpatientTreatableCategories = ["J06.9"] }.IsValid);
    }

    [Fact]
    public void SettlementWeek_is_a_seven_day_block_from_1_january_on_the_china_clock()
    {
        var week = SettlementWeek.Of(new DateOnly(2026, 4, 30));

        Assert.Equal(week, SettlementWeek.Of(new DateOnly(2026, 5, 6)));
        Assert.Equal(week + 1, SettlementWeek.Of(new DateOnly(2026, 5, 7)));
        Assert.Equal(new DateOnly(2026, 4, 30), SettlementWeek.Start(week));
        // 23:30 UTC on 6 May is already 7 May in China.
        Assert.Equal(week + 1, SettlementWeek.Of(new DateTimeOffset(2026, 5, 6, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 23, 59, 59, TimeSpan.FromHours(8)), SettlementWeek.End(week));
    }

    [Fact]
    public void SettlementWeek_makes_the_same_weeks_of_the_same_dates_whatever_weekday_the_year_starts_on()
    {
        foreach (var year in new[] { 2025, 2026, 2027, 2028 })
        {
            var week = SettlementWeek.Of(new DateOnly(year, 6, 15));
            Assert.Equal(23, SettlementWeek.InYear(new DateOnly(year, 6, 15)));
            Assert.Equal(new DateOnly(year, 1, 1).AddDays(7 * SettlementWeek.InYear(new DateOnly(year, 6, 15))), SettlementWeek.Start(week));
        }
    }

    [Fact]
    public void SettlementWeek_ends_a_year_with_a_short_week_and_numbers_the_next_year_on_without_a_gap()
    {
        var last = SettlementWeek.Of(new DateOnly(2026, 12, 31));

        Assert.Equal(SettlementWeek.PerYear - 1, SettlementWeek.InYear(new DateOnly(2026, 12, 31)));
        Assert.Equal(new DateOnly(2026, 12, 31), SettlementWeek.Start(last));
        Assert.Equal(new DateOnly(2026, 12, 31), SettlementWeek.LastDay(last));
        Assert.Equal(last + 1, SettlementWeek.Of(new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateOnly(2028, 12, 30), SettlementWeek.Start(SettlementWeek.Of(new DateOnly(2028, 12, 31))));
    }

}
