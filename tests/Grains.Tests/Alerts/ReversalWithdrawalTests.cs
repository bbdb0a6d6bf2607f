using Monitoring.Alerts;

namespace Monitoring.Grains.Tests.Alerts;

/// <summary>Which findings fall with a reversed claim: those resting on their claims (a split pair), not patterns whose claims are examples.</summary>
public sealed class ReversalWithdrawalTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    internal static Alert Finding(string alertId, string kind, params string[] claimIds) => new()
    {
        AlertId = alertId,
        Kind = kind,
        Severity = AlertSeverity.Warning,
        Transition = AlertTransition.Raised,
        SubjectLevel = "hospital",
        SubjectId = "H53092200001",
        CountyId = "530922",
        HospitalId = "H53092200001",
        RaisedAt = Now,
        AsOf = Now,
        MessageZh = "测试",
        MessageEn = "test",
        ClaimIds = claimIds,
        EvidenceJson = "{}",
    };

    [Theory]
    [InlineData(AlertKinds.SplitHospitalization, true)]
    [InlineData(AlertKinds.Upcoding, false)]
    [InlineData(AlertKinds.LowThresholdAdmission, false)]
    [InlineData(AlertKinds.BudgetPace, false)]
    public void Only_a_split_pair_rests_on_its_claims(string kind, bool rests) => Assert.Equal(rests, AlertKinds.RestsOnClaims(kind));

    [Fact]
    public async Task A_reversed_claim_withdraws_the_pair_resting_on_it_but_not_the_patterns_it_is_an_example_of()
    {
        var store = new InMemoryAlertStore();
        await store.AddAsync([
            Finding("pair", AlertKinds.SplitHospitalization, "CLM-1", "CLM-2"),
            Finding("upcoding", AlertKinds.Upcoding, "CLM-2", "CLM-3"),
            Finding("low", AlertKinds.LowThresholdAdmission, "CLM-2"),
        ]);

        var withdrawn = await store.WithdrawAsync([], ["CLM-2"], ReversedClaimsFeed.Reason, TestContext.Current.CancellationToken);

        Assert.Equal(["pair"], withdrawn.Select(a => a.AlertId));
        Assert.Equal(AlertStatus.Open, (await store.FindAsync("upcoding", TestContext.Current.CancellationToken))!.Status);
        Assert.Equal(AlertStatus.Open, (await store.FindAsync("low", TestContext.Current.CancellationToken))!.Status);
        // By id, any kind can still be withdrawn (a detector that judges its own finding gone says so by id).
        Assert.Equal(["low"], (await store.WithdrawAsync(["low"], [], "judged-gone", TestContext.Current.CancellationToken)).Select(a => a.AlertId));
    }

    [Fact]
    public async Task A_decided_case_resolves_its_alerts_but_leaves_a_withdrawn_one_withdrawn()
    {
        var store = new InMemoryAlertStore();
        await store.AddAsync([Finding("a", AlertKinds.Upcoding, "CLM-1"), Finding("b", AlertKinds.Upcoding, "CLM-2"), Finding("c", AlertKinds.Upcoding, "CLM-3")]);
        await store.WithdrawAsync(["b"], [], "judged-gone", TestContext.Current.CancellationToken);

        var resolved = await store.ResolveByCaseAsync(["a", "b"], "case-confirmed:C-1", TestContext.Current.CancellationToken);

        Assert.Equal([("a", AlertStatus.Resolved, "case-confirmed:C-1")], resolved.Select(a => (a.AlertId, a.Status, a.StatusReason)));
        Assert.Equal(AlertStatus.Withdrawn, (await store.FindAsync("b", TestContext.Current.CancellationToken))!.Status);
        Assert.Equal(AlertStatus.Open, (await store.FindAsync("c", TestContext.Current.CancellationToken))!.Status);
        // A later decision (an appeal) restates the reason; the same decision twice changes nothing.
        Assert.Empty(await store.ResolveByCaseAsync(["a"], "case-confirmed:C-1", TestContext.Current.CancellationToken));
        Assert.Equal("case-appeal-overturned:C-1",
            Assert.Single(await store.ResolveByCaseAsync(["a"], "case-appeal-overturned:C-1", TestContext.Current.CancellationToken)).StatusReason);
    }
}
