using System.Text.Json.Nodes;
using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

/// <summary>The truth on a tiny registry: one alliance of two hospitals, a hospital outside it, another county.</summary>
public sealed class SplitPairTruthTests
{
    private const string Member = "H53092200001";
    private const string OtherMember = "H53092200101";
    private const string Unallied = "H53092200201";
    private const string OtherCounty = "H53092100001";

    private static readonly JsonNode Registry = JsonNode.Parse("""
        {"fundYear": 2026, "regions": [{"regionId": "530900", "name": "r", "counties": [
          {"countyId": "530922", "name": "a", "annualBudget": 1, "alliances": [{"allianceId": "YX", "name": "x", "type": "tight", "annualBudget": 1}],
           "hospitals": [{"hospitalId": "H53092200001", "name": "1", "level": 2, "allianceId": "YX"},
                         {"hospitalId": "H53092200101", "name": "2", "level": 1, "allianceId": "YX"},
                         {"hospitalId": "H53092200201", "name": "3", "level": 1, "allianceId": null}]},
          {"countyId": "530921", "name": "b", "annualBudget": 1, "alliances": [{"allianceId": "FQ", "name": "y", "type": "tight", "annualBudget": 1}],
           "hospitals": [{"hospitalId": "H53092100001", "name": "4", "level": 2, "allianceId": "FQ"}]}]}]}
        """)!;

    private static JsonObject Stay(string id, string hospital, string admitted, string discharged, string diagnosis = "J18.900", string? drg = "ES25", string disposition = "1", string patient = "P-1") =>
        new()
        {
            ["claimId"] = id, ["kind"] = "settlement", ["settledAt"] = "2026-06-30T10:00:00+08:00", ["patientId"] = patient,
            ["hospitalId"] = hospital, ["admissionDate"] = admitted, ["dischargeDate"] = discharged,
            ["principalDiagnosis"] = diagnosis, ["drgCode"] = drg, ["dischargeDisposition"] = disposition,
        };

    private static JsonObject Reversal(string id, string reverses) =>
        new() { ["claimId"] = id, ["kind"] = "reversal", ["reversesClaimId"] = reverses, ["settledAt"] = "2026-07-30T10:00:00+08:00" };

    [Theory]
    [InlineData("2026-06-10", 0, "critical")]
    [InlineData("2026-06-12", 2, "critical")]
    [InlineData("2026-06-13", 3, "warning")]
    [InlineData("2026-06-17", 7, "warning")]
    [InlineData("2026-06-18", 8, "notice")]
    [InlineData("2026-06-25", 15, "notice")]
    public void Find_same_hospital_within_the_window_is_a_pair_graded_by_interval(string readmitted, int interval, string severity)
    {
        var pairs = SplitPairTruth.Find(Registry, [Stay("B", Member, readmitted, "2026-06-28"), Stay("A", Member, "2026-06-01", "2026-06-10")]);

        Assert.Equal([new TruthPair("A", "B", interval, severity)], pairs);
    }

    [Fact]
    public void Find_sixteen_days_on_is_no_pair()
    {
        Assert.Empty(SplitPairTruth.Find(Registry, [Stay("A", Member, "2026-06-01", "2026-06-10"), Stay("B", Member, "2026-06-26", "2026-06-28")]));
    }

    [Fact]
    public void Find_two_members_of_one_alliance_are_one_place()
    {
        var pairs = SplitPairTruth.Find(Registry, [Stay("A", Member, "2026-06-01", "2026-06-10"), Stay("B", OtherMember, "2026-06-11", "2026-06-14")]);

        Assert.Equal("B", Assert.Single(pairs).SecondClaimId);
    }

    [Theory]
    [InlineData(Unallied)]
    [InlineData(OtherCounty)]
    public void Find_outside_the_alliance_or_the_county_is_no_pair(string elsewhere)
    {
        Assert.Empty(SplitPairTruth.Find(Registry, [Stay("A", Member, "2026-06-01", "2026-06-10"), Stay("B", elsewhere, "2026-06-11", "2026-06-14")]));
    }

    [Fact]
    public void Find_same_adrg_other_category_and_same_category_other_adrg_are_one_episode()
    {
        var byAdrg = SplitPairTruth.Find(Registry, [Stay("A", Member, "2026-06-01", "2026-06-10", "I63.900", "BR25"), Stay("B", Member, "2026-06-11", "2026-06-14", "G45.900", "BR23")]);
        var byCategory = SplitPairTruth.Find(Registry, [Stay("C", Member, "2026-06-01", "2026-06-10", "I25.103", "FR45"), Stay("D", Member, "2026-06-11", "2026-06-14", "I25.100", "FM19")]);
        var ungrouped = SplitPairTruth.Find(Registry, [Stay("E", Member, "2026-06-01", "2026-06-10", "I63.900", null), Stay("F", Member, "2026-06-11", "2026-06-14", "G45.900", "BR25")]);

        Assert.Single(byAdrg);
        Assert.Single(byCategory);
        Assert.Empty(ungrouped);
    }

    [Fact]
    public void Find_unrelated_diagnosis_is_no_pair()
    {
        Assert.Empty(SplitPairTruth.Find(Registry, [Stay("A", Member, "2026-06-01", "2026-06-10"), Stay("B", Member, "2026-06-11", "2026-06-14", "K35.800", "GD25")]));
    }

    [Theory]
    [InlineData("Z51.100", "RU15", "1")]
    [InlineData("Z49.100", "LL19", "1")]
    [InlineData("J18.900", "ES25", "5")]
    public void Find_planned_treatment_or_death_first_is_no_pair(string diagnosis, string drg, string firstDisposition)
    {
        Assert.Empty(SplitPairTruth.Find(Registry, [Stay("A", Member, "2026-06-01", "2026-06-10", diagnosis, drg, firstDisposition), Stay("B", Member, "2026-06-11", "2026-06-14", diagnosis, drg)]));
    }

    [Fact]
    public void Find_chain_of_three_is_two_pairs_of_consecutive_stays()
    {
        var pairs = SplitPairTruth.Find(Registry,
            [Stay("A", Member, "2026-06-01", "2026-06-05"), Stay("B", Member, "2026-06-06", "2026-06-08"), Stay("C", Member, "2026-06-09", "2026-06-12")]);

        Assert.Equal([("A", "B"), ("B", "C")], pairs.Select(p => (p.FirstClaimId, p.SecondClaimId)).Order());
    }

    [Fact]
    public void Find_reversed_stay_is_dropped_and_its_correction_judged_afresh()
    {
        var pairs = SplitPairTruth.Find(Registry,
            [Stay("A", Member, "2026-06-01", "2026-06-10"), Stay("B", Member, "2026-06-11", "2026-06-14"), Reversal("R", "B"), Stay("B2", Member, "2026-06-11", "2026-06-14")]);

        Assert.Equal(("A", "B2"), Assert.Single(pairs.Select(p => (p.FirstClaimId, p.SecondClaimId))));
    }

    [Fact]
    public void Find_other_patients_never_pair()
    {
        Assert.Empty(SplitPairTruth.Find(Registry, [Stay("A", Member, "2026-06-01", "2026-06-10"), Stay("B", Member, "2026-06-11", "2026-06-14", patient: "P-2")]));
    }
}
