using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Claims;
using Monitoring.Ledger;
using static Monitoring.Grains.Tests.Cases.CaseExamples;

namespace Monitoring.Grains.Tests.Cases;

/// <summary>One finding, one case: escalations join the standing case; a reversed example is recorded, not a reason to withdraw; decisions resolve alerts.</summary>
public sealed class CaseEvidenceTests
{
    private static InspectionCase Pattern(string status = CaseStatus.Open) => Opened() with
    {
        Kind = AlertKinds.LowThresholdAdmission,
        Status = status,
        AlertIds = ["low-threshold-admission/H53092200001/12/raised"],
        ClaimIds = ["CLM-1", "CLM-2"],
        AmountAtStake = 300m,
    };

    private static Alert Escalation(string kind = AlertKinds.LowThresholdAdmission, string hospitalId = Hospital, params string[] claimIds) => new()
    {
        AlertId = $"{kind}/{hospitalId}/13/escalated",
        Kind = kind,
        Severity = AlertSeverity.Critical,
        Transition = AlertTransition.Escalated,
        SubjectLevel = "hospital",
        SubjectId = hospitalId,
        CountyId = "530922",
        HospitalId = hospitalId,
        RaisedAt = Now,
        AsOf = Now,
        MessageZh = "升级",
        MessageEn = "escalated",
        ClaimIds = claimIds.Length > 0 ? claimIds : ["CLM-2", "CLM-3"],
        EvidenceJson = "{}",
    };

    private static LedgerEntry Stay(string claimId, decimal fundPaid) => new(
        new FundMovement(Hospital, 1, ClaimKind.Settlement, new DateOnly(2026, 5, 1), fundPaid, Now),
        new ClaimEvent { ClaimId = claimId, Kind = ClaimKind.Settlement, SettledAt = Now, HospitalId = Hospital, FundPaid = fundPaid },
        "P-1");

    private static readonly LedgerEntry[] Ledger = [Stay("CLM-1", 100m), Stay("CLM-2", 200m), Stay("CLM-3", 400m)];

    [Theory]
    [InlineData(CaseStatus.Open, AlertKinds.LowThresholdAdmission, Hospital, true)]
    [InlineData(CaseStatus.UnderReview, AlertKinds.LowThresholdAdmission, Hospital, true)]
    [InlineData(CaseStatus.Confirmed, AlertKinds.LowThresholdAdmission, Hospital, false)]
    [InlineData(CaseStatus.Withdrawn, AlertKinds.LowThresholdAdmission, Hospital, false)]
    [InlineData(CaseStatus.Open, AlertKinds.Upcoding, Hospital, false)]
    [InlineData(CaseStatus.Open, AlertKinds.LowThresholdAdmission, "H53092200002", false)]
    public void A_new_alert_joins_only_the_undecided_case_of_its_hospital_and_kind(string status, string kind, string hospitalId, bool joins) =>
        Assert.Equal(joins, CaseEvidence.JoinsStanding(Pattern(status), Escalation(kind, hospitalId)));

    [Fact]
    public void A_split_pair_joins_the_undecided_case_of_its_hospital_and_settlement_month_only()
    {
        // Inspectors work an institution, not a pair: one case per hospital, kind and month (issue 26).
        var monthCase = Opened() with { Kind = AlertKinds.SplitHospitalization, Period = CaseOpening.PeriodOf(Escalation(AlertKinds.SplitHospitalization)) };
        Assert.True(CaseEvidence.JoinsStanding(monthCase, Escalation(AlertKinds.SplitHospitalization)));
        Assert.False(CaseEvidence.JoinsStanding(monthCase, Escalation(AlertKinds.SplitHospitalization) with { AsOf = Now.AddMonths(1) }));
        Assert.False(CaseEvidence.JoinsStanding(monthCase with { Status = CaseStatus.Confirmed }, Escalation(AlertKinds.SplitHospitalization)));
    }

    [Fact]
    public void An_escalation_adds_its_alert_and_new_claims_recomputes_the_amount_and_says_so_in_the_history()
    {
        var standing = Pattern();

        var joined = CaseEvidence.Escalate(standing, Escalation(), Ledger, new HashSet<string>(), Now)!;

        Assert.Equal([.. standing.AlertIds, Escalation().AlertId], joined.AlertIds);
        Assert.Equal(["CLM-1", "CLM-2", "CLM-3"], joined.ClaimIds);
        Assert.Equal(700m, joined.AmountAtStake);
        Assert.Equal("critical", joined.Severity);
        Assert.Equal(CaseStatus.Open, joined.Status);
        var line = Assert.Single(joined.History);
        Assert.Equal((CaseActions.Escalate, "system", CaseStatus.Open, CaseStatus.Open, 700m, false),
            (line.Action, line.Actor, line.FromStatus, line.ToStatus, line.Amount, line.Internal));
        // The system's line carries codes and figures, no words in one language or raw ids in the note (issue 26).
        Assert.Null(line.Note);
        Assert.Equal(["CLM-3"], line.ItemIds!);
        // A replay of the same alert adds nothing.
        Assert.Null(CaseEvidence.Escalate(joined, Escalation(), Ledger, new HashSet<string>(), Now));
    }

    [Fact]
    public void A_reversed_claim_the_case_lists_is_recorded_once_and_leaves_the_amount_at_stake()
    {
        var standing = Pattern();

        var noted = CaseEvidence.NoteReversals(standing, ["CLM-2", "CLM-9"], Ledger, new HashSet<string> { "CLM-2" }, Now)!;

        Assert.Equal(CaseStatus.Open, noted.Status);
        Assert.Equal(100m, noted.AmountAtStake);
        var line = Assert.Single(noted.History);
        Assert.Equal((CaseActions.ClaimReversed, "system", false), (line.Action, line.Actor, line.Internal));
        Assert.Equal(["CLM-2"], line.ItemIds!);
        Assert.Null(CaseEvidence.NoteReversals(noted, ["CLM-2"], Ledger, new HashSet<string> { "CLM-2" }, Now));
        Assert.Null(CaseEvidence.NoteReversals(standing, ["CLM-9"], Ledger, new HashSet<string> { "CLM-9" }, Now));
        Assert.Null(CaseEvidence.NoteReversals(Pattern(CaseStatus.Confirmed), ["CLM-2"], Ledger, new HashSet<string> { "CLM-2" }, Now));
    }

    [Theory]
    [InlineData(CaseActions.Confirm, "confirmed", null, "case-confirmed:C-test")]
    [InlineData(CaseActions.Dismiss, "dismissed", null, "case-dismissed:C-test")]
    [InlineData(CaseActions.DecideAppeal, "confirmed-after-appeal", CaseActions.Uphold, "case-appeal-upheld:C-test")]
    [InlineData(CaseActions.DecideAppeal, "dismissed", CaseActions.Overturn, "case-appeal-overturned:C-test")]
    [InlineData(CaseActions.Take, "assigned", null, null)]
    [InlineData(CaseActions.Review, "under-review", null, null)]
    [InlineData(CaseActions.Appeal, "appealed", null, null)]
    public void A_decision_resolves_the_alerts_with_a_reason_naming_case_and_decision(string action, string situation, string? outcome, string? reason) =>
        Assert.Equal(reason, CaseResolution.ReasonFor(In(situation), action, outcome));

    [Fact]
    public void A_withdrawn_case_resolves_nothing() =>
        Assert.Null(CaseResolution.ReasonFor(In("withdrawn"), CaseActions.Withdraw, null));
}
