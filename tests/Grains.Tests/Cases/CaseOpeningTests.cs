using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Claims;
using Monitoring.Ledger;
using static Monitoring.Grains.Tests.Cases.CaseExamples;

namespace Monitoring.Grains.Tests.Cases;

public sealed class CaseOpeningTests
{
    private static Alert SplitAlert(string status = AlertStatus.Open, string? hospitalId = Hospital) => new()
    {
        AlertId = "split-hospitalization/pair/CLM-1+CLM-2",
        Kind = AlertKinds.SplitHospitalization,
        Severity = AlertSeverity.Critical,
        Transition = AlertTransition.Raised,
        SubjectLevel = "hospital",
        SubjectId = hospitalId ?? "530922",
        CountyId = "530922",
        RegionId = "530900",
        HospitalId = hospitalId,
        RaisedAt = Now,
        AsOf = Now,
        MessageZh = "疑似分解住院",
        MessageEn = "Suspected split hospitalization",
        ClaimIds = ["CLM-1", "CLM-2"],
        EvidenceJson = "{}",
        Status = status,
    };

    private static LedgerEntry Stay(string claimId, decimal fundPaid) => new(
        new FundMovement(Hospital, 1, ClaimKind.Settlement, new DateOnly(2026, 5, 1), fundPaid, Now),
        new ClaimEvent { ClaimId = claimId, Kind = ClaimKind.Settlement, SettledAt = Now, HospitalId = Hospital, FundPaid = fundPaid },
        "P-1");

    [Fact]
    public void A_split_pair_puts_at_stake_what_its_second_stay_was_paid_and_nothing_once_a_stay_is_reversed()
    {
        // Merged, the episode would have been paid once: the readmission is what the split added (issue 26).
        var opened = CaseOpening.Open(SplitAlert(), [Stay("CLM-1", 3000.10m), Stay("CLM-2", 4500.25m)], new HashSet<string>(), CaseActor.System, null, Now, CaseRules.Default);
        Assert.Equal(4500.25m, opened.AmountAtStake);
        var item = Assert.Single(opened.Items);
        Assert.Equal(("split-hospitalization/pair/CLM-1+CLM-2", 4500.25m, CaseItemBasis.SecondStay, CaseItemDisposition.Pending),
            (item.ItemId, item.AtStake, item.Basis, item.Disposition));
        Assert.Equal("2026-06", opened.Period);

        var oneReversed = CaseOpening.Open(SplitAlert(), [Stay("CLM-1", 3000.10m), Stay("CLM-2", 4500.25m)], new HashSet<string> { "CLM-1" }, CaseActor.System, null, Now, CaseRules.Default);
        Assert.Equal(0m, oneReversed.AmountAtStake);
        Assert.Equal(CaseItemDisposition.Withdrawn, Assert.Single(oneReversed.Items).Disposition);
    }

    [Fact]
    public void A_case_rests_on_its_alert_and_claims_and_opens_with_one_history_line()
    {
        var opened = CaseOpening.Open(SplitAlert(), [], new HashSet<string>(), CaseActor.System, null, Now, CaseRules.Default);

        Assert.Equal((CaseStatus.Open, Hospital, "530922", "530900"), (opened.Status, opened.HospitalId, opened.CountyId, opened.RegionId));
        Assert.Equal(["split-hospitalization/pair/CLM-1+CLM-2"], opened.AlertIds);
        Assert.Equal(["CLM-1", "CLM-2"], opened.ClaimIds);
        Assert.Equal(Now + CaseRules.Default.DecisionPeriod, opened.DueAt);
        Assert.Equal(("open", "system"), (Assert.Single(opened.History).Action, opened.History[0].Actor));
    }

    [Fact]
    public void One_alert_always_gives_the_same_case_id_and_two_alerts_two()
    {
        Assert.Equal(CaseOpening.CaseIdOf("a"), CaseOpening.CaseIdOf("a"));
        Assert.NotEqual(CaseOpening.CaseIdOf("a"), CaseOpening.CaseIdOf("b"));
    }

    [Theory]
    [InlineData(AlertKinds.SplitHospitalization, AlertStatus.Open, true)]
    [InlineData(AlertKinds.Upcoding, AlertStatus.Open, true)]
    [InlineData(AlertKinds.LowThresholdAdmission, AlertStatus.Open, true)]
    [InlineData(AlertKinds.BudgetPace, AlertStatus.Open, false)]
    [InlineData(AlertKinds.SplitHospitalization, AlertStatus.Withdrawn, false)]
    public void Claim_level_findings_of_the_listed_kinds_open_cases_by_themselves(string kind, string status, bool opens) =>
        Assert.Equal(opens, CaseOpening.OpensByItself(SplitAlert(status) with { Kind = kind }, CasesOptions.DefaultAutoOpenKinds));

    [Fact]
    public void An_alert_about_a_county_opens_no_case() =>
        Assert.Contains("not a hospital", CaseOpening.Refusal(SplitAlert(hospitalId: null)));
}
