using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Grains.Tests.Ledger;

public sealed class LedgerAdmissionTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static ClaimSubmission Settlement(int index, string id, string hospital, decimal paid, byte fingerprint = 1) =>
        new(index, new ClaimEvent { ClaimId = id, Kind = ClaimKind.Settlement, SettledAt = March, HospitalId = hospital, PatientId = "P", FundPaid = paid },
            [fingerprint], "{}");

    private static ClaimSubmission Reversal(int index, string id, string target) =>
        new(index, new ClaimEvent { ClaimId = id, Kind = ClaimKind.Reversal, SettledAt = March.AddDays(40), ReversesClaimId = target }, [9], "{}");

    private static Admission Admit(IReadOnlyList<ClaimSubmission> batch, params KnownClaim[] known) =>
        LedgerAdmission.Admit(batch, known.ToDictionary(k => k.ClaimId), _ => 0);

    [Fact]
    public void Settlements_get_consecutive_sequences_per_hospital()
    {
        var admission = LedgerAdmission.Admit(
            [Settlement(0, "A", "H1", 10), Settlement(1, "B", "H2", 20), Settlement(2, "C", "H1", 30)],
            new Dictionary<string, KnownClaim>(),
            h => h == "H1" ? 7 : 0);
        Assert.Equal([("H1", 8L), ("H2", 1L), ("H1", 9L)], admission.Appends.Select(a => (a.Movement.HospitalId, a.Movement.HospitalSeq)));
    }

    [Fact]
    public void Same_claim_with_same_content_is_a_duplicate_within_and_across_batches()
    {
        var known = new KnownClaim("A", [1], ClaimKind.Settlement, "H1", 10, new DateOnly(2026, 3, 1), null);
        var admission = Admit([Settlement(0, "A", "H1", 10), Settlement(1, "B", "H1", 5), Settlement(2, "B", "H1", 5)], known);
        Assert.Equal(2, admission.Duplicates);
        Assert.Single(admission.Appends);
        Assert.Empty(admission.Rejected);
    }

    [Fact]
    public void Same_claim_with_other_content_is_a_conflict()
    {
        var known = new KnownClaim("A", [1], ClaimKind.Settlement, "H1", 10, new DateOnly(2026, 3, 1), null);
        var admission = Admit([Settlement(4, "A", "H1", 11, fingerprint: 2)], known);
        var rejection = Assert.Single(admission.Rejected);
        Assert.Equal(4, rejection.Index);
        Assert.StartsWith("claimId A was already received with different content", rejection.Errors[0]);
    }

    [Fact]
    public void Reversal_negates_the_settlement_in_its_budget_month()
    {
        var known = new KnownClaim("A", [1], ClaimKind.Settlement, "H1", 10.50m, new DateOnly(2026, 1, 31), null);
        var movement = Assert.Single(Admit([Reversal(0, "R", "A")], known).Appends).Movement;
        Assert.Equal(("H1", -10.50m, new DateOnly(2026, 1, 31), ClaimKind.Reversal), (movement.HospitalId, movement.FundPaid, movement.BudgetDate, movement.Kind));
    }

    [Fact]
    public void Reversal_of_an_unknown_claim_is_refused()
    {
        var rejection = Assert.Single(Admit([Reversal(0, "X6", "NO-SUCH-CLAIM")]).Rejected);
        Assert.StartsWith("reversesClaimId NO-SUCH-CLAIM is not a settlement in the ledger", rejection.Errors[0]);
    }

    [Fact]
    public void Second_reversal_of_a_settlement_is_refused()
    {
        var known = new KnownClaim("A", [1], ClaimKind.Settlement, "H1", 10, new DateOnly(2026, 3, 1), ReversedBy: "R1");
        var rejection = Assert.Single(Admit([Reversal(0, "R2", "A")], known).Rejected);
        Assert.StartsWith("settlement A was already reversed by R1", rejection.Errors[0]);
    }

    [Fact]
    public void A_batch_may_settle_and_reverse_the_same_claim()
    {
        var admission = Admit([Settlement(0, "A", "H1", 10), Reversal(1, "R", "A"), Reversal(2, "R2", "A")]);
        Assert.Equal([10m, -10m], admission.Appends.Select(a => a.Movement.FundPaid));
        Assert.Equal(2, Assert.Single(admission.Rejected).Index);
    }

    [Fact]
    public void Reversing_a_reversal_is_refused()
    {
        var known = new KnownClaim("R", [9], ClaimKind.Reversal, "H1", -10, new DateOnly(2026, 3, 1), null);
        var rejection = Assert.Single(Admit([Reversal(0, "RR", "R")], known).Rejected);
        Assert.StartsWith("reversesClaimId R is itself a reversal", rejection.Errors[0]);
    }
}
