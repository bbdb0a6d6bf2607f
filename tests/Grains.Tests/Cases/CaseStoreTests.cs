using Monitoring.Cases;
using static Monitoring.Grains.Tests.Cases.CaseExamples;

namespace Monitoring.Grains.Tests.Cases;

public sealed class CaseStoreTests
{
    [Fact]
    public async Task A_save_from_a_stale_version_loses_and_changes_nothing()
    {
        var store = new InMemoryCaseStore();
        var (stored, _) = await store.AddAsync(Opened());
        var byA = CaseWorkflow.Apply(stored, new CaseCommand(CaseActions.Take), Owner, Now, SettlementNow, CaseRules.Default).Case!;
        var byB = CaseWorkflow.Apply(stored, new CaseCommand(CaseActions.Take), OtherInspector, Now, SettlementNow, CaseRules.Default).Case!;

        Assert.True(await store.SaveAsync(byA, stored.Version));
        Assert.False(await store.SaveAsync(byB, stored.Version));
        Assert.Equal("insp-a", (await store.GetAsync(stored.CaseId))!.Owner);
    }

    [Fact]
    public async Task A_save_that_rewrites_history_is_refused()
    {
        var store = new InMemoryCaseStore();
        var (stored, _) = await store.AddAsync(CaseWorkflow.Apply(Opened(), new CaseCommand(CaseActions.Take), Owner, Now, SettlementNow, CaseRules.Default).Case!);
        var rewritten = stored with { History = [stored.History[0] with { Actor = "someone else" }] };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(rewritten, stored.Version));
    }

    [Fact]
    public async Task Adding_the_same_case_twice_keeps_the_first()
    {
        var store = new InMemoryCaseStore();
        Assert.True((await store.AddAsync(Opened())).Added);
        var (again, added) = await store.AddAsync(Opened() with { AmountAtStake = 1m });
        Assert.False(added);
        Assert.Equal(12_345.67m, again.AmountAtStake);
    }

    [Fact]
    public async Task Pages_by_amount_follow_each_other_without_gaps_or_repeats()
    {
        var store = new InMemoryCaseStore();
        for (var i = 0; i < 7; i++)
        {
            await store.AddAsync(Opened() with { CaseId = $"C-{i}", AmountAtStake = 100m * (i % 3), OpenedAt = Now.AddMinutes(i) });
        }

        var seen = new List<string>();
        CaseCursor? after = null;
        do
        {
            var page = await store.QueryAsync(new CaseQuery(Regulator.Scope, Sort: CaseSort.Amount, Limit: 3, After: after));
            seen.AddRange(page.Select(c => c.CaseId));
            after = page.Count == 3 ? CaseCursor.Decode(CaseCursor.After(page[^1]).Encode()) : null;
        }
        while (after is not null);

        Assert.Equal(["C-2", "C-5", "C-1", "C-4", "C-0", "C-3", "C-6"], seen);
    }

    [Fact]
    public async Task A_hospital_lists_only_its_own_cases()
    {
        var store = new InMemoryCaseStore();
        await store.AddAsync(Opened());
        await store.AddAsync(Opened() with { CaseId = "C-other", HospitalId = "H53092200002" });

        Assert.Equal(["C-test"], (await store.QueryAsync(new CaseQuery(OwnHospital.Scope))).Select(c => c.CaseId));
        Assert.Empty(await store.QueryAsync(new CaseQuery(OtherCountyInspector.Scope)));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("YWJj")]
    public void A_cursor_not_given_out_reads_as_none(string text) => Assert.Null(CaseCursor.Decode(text));
}
