using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Alerts;
using Monitoring.Publishing;

namespace Monitoring.Grains.Tests.Alerts;

/// <summary>What the store owes the delivery: every change until it is pushed, and a case-opening alert until it has its case.</summary>
public sealed class AlertDeliveryStoreTests
{
    private static readonly string[] CaseKinds = [AlertKinds.SplitHospitalization];

    private static Alert Finding(string alertId, string kind) => ReversalWithdrawalTests.Finding(alertId, kind, "CLM-1", "CLM-2");

    [Fact]
    public async Task A_stored_alert_is_owed_until_pushed_and_owed_again_when_it_changes()
    {
        var store = new InMemoryAlertStore();
        var added = await store.AddAsync([Finding("pace", AlertKinds.BudgetPace)], TestContext.Current.CancellationToken);
        Assert.Equal(1, added[0].Revision);

        var owed = Assert.Single(await store.UndeliveredAsync(CaseKinds, 100, TestContext.Current.CancellationToken));
        Assert.Equal(("pace", false), (owed.Alert.AlertId, owed.Pushed));
        await store.MarkPushedAsync([owed.Alert], TestContext.Current.CancellationToken);
        Assert.Empty(await store.UndeliveredAsync(CaseKinds, 100, TestContext.Current.CancellationToken));

        var withdrawn = Assert.Single(await store.WithdrawAsync(["pace"], [], "judged-gone", TestContext.Current.CancellationToken));
        Assert.Equal(2, withdrawn.Revision);
        Assert.Equal(2, Assert.Single(await store.UndeliveredAsync(CaseKinds, 100, TestContext.Current.CancellationToken)).Alert.Revision);
        // A mark of an older revision does not hide the newer change.
        await store.MarkPushedAsync([owed.Alert], TestContext.Current.CancellationToken);
        Assert.Single(await store.UndeliveredAsync(CaseKinds, 100, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_alert_that_opens_a_case_stays_owed_after_its_push_until_it_has_its_case()
    {
        var store = new InMemoryAlertStore();
        var pair = (await store.AddAsync([Finding("pair", AlertKinds.SplitHospitalization)], TestContext.Current.CancellationToken))[0];
        await store.MarkPushedAsync([pair], TestContext.Current.CancellationToken);

        var owed = Assert.Single(await store.UndeliveredAsync(CaseKinds, 100, TestContext.Current.CancellationToken));
        Assert.True(owed.Pushed);
        var withCase = await store.SetCaseAsync("pair", "C-1", TestContext.Current.CancellationToken);
        Assert.Equal(2, withCase!.Revision);
        await store.MarkPushedAsync([withCase], TestContext.Current.CancellationToken);
        Assert.Empty(await store.UndeliveredAsync(CaseKinds, 100, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_cleared_rate_resolves_its_own_episode_but_not_the_split_pairs_of_its_hospital()
    {
        var store = new InMemoryAlertStore();
        var rate = Finding("split-hospitalization/rate/H53092200001/20260501/raised", AlertKinds.SplitHospitalization);
        var pair = Finding("split-hospitalization/pair/A>B", AlertKinds.SplitHospitalization);
        var cleared = rate with { AlertId = "split-hospitalization/rate/H53092200001/20260601/cleared", Transition = AlertTransition.Cleared };
        await store.AddAsync([rate, pair, cleared], TestContext.Current.CancellationToken);

        var resolved = await store.ResolveAsync(cleared.Kind, cleared.SubjectLevel, cleared.SubjectId, cleared.AsOf, "level-cleared",
            TestContext.Current.CancellationToken, AlertEpisode.IdPrefixOf(cleared.AlertId));

        Assert.Equal([rate.AlertId, cleared.AlertId], resolved.Select(a => a.AlertId));
        Assert.Equal(AlertStatus.Open, (await store.FindAsync(pair.AlertId, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task A_write_that_fails_is_tried_again_until_it_succeeds()
    {
        var attempts = 0;
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(1), LongestRetryDelay = TimeSpan.FromMilliseconds(4) };

        var stored = await StoreRetry.UntilDoneAsync(
            () => ++attempts < 5 ? throw new InvalidOperationException("store refuses writes") : Task.FromResult(attempts),
            options, NullLogger.Instance, "store alerts");

        Assert.Equal(5, stored);
    }
}
