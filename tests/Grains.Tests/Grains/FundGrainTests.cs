using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Registry;
using Orleans.Runtime;

namespace Monitoring.Grains.Tests.Grains;

/// <summary>The wiring of the fund grains: dispatch, roll-up, exactly-once, gap fill and replay after a checkpoint.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FundGrainTests(ClusterFixture fixture)
{
    private static int _nextCounty = 100;

    /// <summary>A county of its own per test (the registry is cluster-wide): two hospitals in a tight alliance, one outside.</summary>
    private async Task<(string County, string Alliance, string[] Hospitals, FundRegistry Registry)> CountyAsync()
    {
        var county = $"530{Interlocked.Increment(ref _nextCounty):D3}";
        var alliance = $"A-{county}";
        string[] hospitals = [$"H{county}00001", $"H{county}00002", $"H{county}00201"];
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"530900","name":"临沧市","counties":[{"countyId":"{{county}}","name":"测试县","annualBudget":1000000,
              "alliances":[{"allianceId":"{{alliance}}","name":"紧密型医共体","type":"tight","annualBudget":800000}],
              "hospitals":[{"hospitalId":"{{hospitals[0]}}","name":"人民医院","level":2,"allianceId":"{{alliance}}","annualBudget":500000},
                           {"hospitalId":"{{hospitals[1]}}","name":"卫生院","level":1,"allianceId":"{{alliance}}","annualBudget":300000},
                           {"hospitalId":"{{hospitals[2]}}","name":"民营医院","level":1,"allianceId":null,"annualBudget":100000}]}]}]}
            """);
        return (county, alliance, hospitals, registry);
    }

    private static int _nextClaim;

    private static ClaimSubmission Settlement(string hospital, decimal paid, int month = 3) => new(0, new ClaimEvent
    {
        ClaimId = $"S{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Settlement,
        SettledAt = new DateTimeOffset(2026, month, 15, 10, 0, 0, TimeSpan.FromHours(8)),
        HospitalId = hospital,
        PatientId = "P-1",
        FundPaid = paid,
    }, [1], "{}");

    private Task<FundBalance> Balance<TGrain>(string key) where TGrain : IFundAccountGrain =>
        fixture.Cluster.Client.GetGrain<TGrain>(key).GetBalanceAsync();

    [Fact]
    public async Task Dispatched_claims_roll_up_to_alliance_and_county()
    {
        var (county, alliance, h, registry) = await CountyAsync();
        var appended = await fixture.Ledger.AppendAsync([Settlement(h[0], 100), Settlement(h[1], 20.5m), Settlement(h[2], 7), Settlement(h[0], 1)]);
        await fixture.Dispatcher.DispatchAsync(appended.Accepted, registry);

        Assert.Equal(101m, (await Balance<IHospitalGrain>(h[0])).FundPaidIn(2026));
        Assert.Equal(121.5m, (await Balance<IAllianceGrain>(alliance)).FundPaidIn(2026));
        var countyBalance = await Balance<ICountyFundGrain>(county);
        Assert.Equal((128.5m, 4L), (countyBalance.FundPaidIn(2026), countyBalance.ClaimsCountedIn(2026)));
    }

    [Fact]
    public async Task Active_county_gets_rows_of_a_hospital_that_activates_on_dispatch()
    {
        var (county, alliance, h, registry) = await CountyAsync();
        await Balance<ICountyFundGrain>(county);
        await Balance<IAllianceGrain>(alliance);

        // The hospital grain is not active: dispatch activates it, and its activation replays these very rows.
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([Settlement(h[0], 40), Settlement(h[2], 2)])).Accepted, registry);

        Assert.Equal(40m, (await Balance<IAllianceGrain>(alliance)).FundPaidIn(2026));
        Assert.Equal(42m, (await Balance<ICountyFundGrain>(county)).FundPaidIn(2026));
    }

    [Fact]
    public async Task Hospital_running_ahead_raises_then_escalates_and_its_status_carries_pace()
    {
        var (county, _, h, registry) = await CountyAsync();
        // Budget 500,000 a year: 60,000 a day through 20 January runs far ahead (used share vs time share).
        for (var day = 1; day <= 20; day++)
        {
            var claim = Settlement(h[0], 60_000);
            var dated = claim with { Claim = claim.Claim with { SettledAt = new DateTimeOffset(2026, 1, day, 10, 0, 0, TimeSpan.FromHours(8)) } };
            await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([dated])).Accepted, registry);
        }

        var alerts = fixture.Sinks.AlertsAbout(h[0]);
        Assert.Equal(
            [
                (AlertKinds.BudgetPace, AlertTransition.Raised, AlertSeverity.Warning),
                (AlertKinds.BudgetExhausted, AlertTransition.Raised, AlertSeverity.Critical),
                (AlertKinds.BudgetPace, AlertTransition.Escalated, AlertSeverity.Critical),
            ],
            alerts.Select(a => (a.Kind, a.Transition, a.Severity)));
        // Spent past the whole budget on 9 January: critical on the badge and in the alert, the day it happens.
        Assert.Equal(alerts[1].AsOf, alerts[2].AsOf);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 23, 59, 59, TimeSpan.FromHours(8)), alerts[0].AsOf);
        Assert.Equal(county, alerts[0].CountyId);
        var status = fixture.Sinks.Statuses[$"hospital/{h[0]}"];
        Assert.Equal(AlertSeverity.Critical, status.Pace!.Level);
        Assert.Equal(1_200_000m, status.FundPaid);
        var yearEnd = status.YearEnd!;
        Assert.Equal((500_000m - yearEnd.ProjectedSpend, 0m, yearEnd.ProjectedSpend - 500_000m), (yearEnd.Balance, yearEnd.Retained, yearEnd.OverrunBorne));
        Assert.Equal("紧密型医共体：结余100%留用，超支自担", yearEnd.RuleZh);
    }

    [Fact]
    public async Task Settlement_that_spends_the_whole_budget_raises_exhausted_without_waiting_for_the_next_day()
    {
        var (_, _, h, registry) = await CountyAsync();
        // The unallied hospital's budget is 100,000: ten claims on the afternoon of 10 June take it to 105,000, and no
        // claim of 11 June ever comes to end that day.
        for (var i = 0; i < 10; i++)
        {
            var claim = Settlement(h[2], 10_500);
            var dated = claim with { Claim = claim.Claim with { SettledAt = new DateTimeOffset(2026, 6, 10, 14, i, 0, TimeSpan.FromHours(8)) } };
            await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([dated])).Accepted, registry);
        }

        var alerts = fixture.Sinks.AlertsAbout(h[2]);
        var exhausted = Assert.Single(alerts, a => a.Kind == AlertKinds.BudgetExhausted);
        Assert.Equal((AlertTransition.Raised, AlertSeverity.Critical), (exhausted.Transition, exhausted.Severity));
        Assert.Equal($"budget-exhausted/hospital/{h[2]}/20260610/raised", exhausted.AlertId);
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 23, 59, 59, TimeSpan.FromHours(8)), exhausted.AsOf);
        Assert.Contains(alerts, a => a.Kind == AlertKinds.BudgetPace && a.Severity == AlertSeverity.Critical && a.AsOf == exhausted.AsOf);
        var status = fixture.Sinks.Statuses[$"hospital/{h[2]}"];
        Assert.Equal((AlertSeverity.Critical, 105_000m), (status.Pace!.Level, status.FundPaid));
    }

    [Fact]
    public async Task Active_accounts_count_rows_that_were_never_delivered_to_them()
    {
        var (county, alliance, h, registry) = await CountyAsync();
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([Settlement(h[1], 1)])).Accepted, registry);

        // Durable in the ledger, but the dispatch never happened (the host died, a grain call failed), and no later
        // claim of that hospital comes to reveal the gap.
        await fixture.Ledger.AppendAsync([Settlement(h[1], 10), Settlement(h[1], 100)]);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // Each account has its own catch-up timer: wait for all three, each to the fen.
        while ((await Balance<ICountyFundGrain>(county)).FundPaidIn(2026) != 111m || (await Balance<IAllianceGrain>(alliance)).FundPaidIn(2026) != 111m
            || (await Balance<IHospitalGrain>(h[1])).FundPaidIn(2026) != 111m)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    [Fact]
    public async Task Redelivered_rows_are_counted_once()
    {
        var (county, _, h, registry) = await CountyAsync();
        var appended = await fixture.Ledger.AppendAsync([Settlement(h[0], 50), Settlement(h[2], 5)]);
        await fixture.Dispatcher.DispatchAsync(appended.Accepted, registry);
        await fixture.Dispatcher.DispatchAsync(appended.Accepted, registry);

        Assert.Equal(55m, (await Balance<ICountyFundGrain>(county)).FundPaidIn(2026));
    }

    [Fact]
    public async Task Rows_never_dispatched_are_filled_from_the_ledger_when_later_rows_arrive()
    {
        var (county, alliance, h, registry) = await CountyAsync();
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([Settlement(h[0], 1)])).Accepted, registry);
        await fixture.Ledger.AppendAsync([Settlement(h[0], 10), Settlement(h[0], 100)]); // lost in transit
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([Settlement(h[0], 1000)])).Accepted, registry);

        Assert.Equal(1111m, (await Balance<IHospitalGrain>(h[0])).FundPaidIn(2026));
        Assert.Equal(1111m, (await Balance<IAllianceGrain>(alliance)).FundPaidIn(2026));
        Assert.Equal(1111m, (await Balance<ICountyFundGrain>(county)).FundPaidIn(2026));
    }

    [Fact]
    public async Task Reactivated_accounts_replay_the_ledger_after_their_checkpoint()
    {
        var (county, alliance, h, registry) = await CountyAsync();
        // Five rows: past the checkpoint threshold of three, so a checkpoint is written mid-way.
        var first = await fixture.Ledger.AppendAsync([.. Enumerable.Range(0, 5).Select(_ => Settlement(h[1], 10))]);
        await fixture.Dispatcher.DispatchAsync(first.Accepted, registry);
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // Appended while no account is active, and never dispatched: only a replay can count them.
        await fixture.Ledger.AppendAsync([Settlement(h[1], 1), Settlement(h[2], 2)]);

        Assert.Equal(51m, (await Balance<IHospitalGrain>(h[1])).FundPaidIn(2026));
        Assert.Equal(51m, (await Balance<IAllianceGrain>(alliance)).FundPaidIn(2026));
        var countyBalance = await Balance<ICountyFundGrain>(county);
        Assert.Equal((53m, 7L), (countyBalance.FundPaidIn(2026), countyBalance.ClaimsCountedIn(2026)));
    }

    [Fact]
    public async Task Reversal_takes_the_claim_out_of_every_balance()
    {
        var (county, alliance, h, registry) = await CountyAsync();
        var settlement = Settlement(h[0], 300, month: 1);
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([settlement, Settlement(h[0], 5)])).Accepted, registry);
        var reversal = new ClaimSubmission(0, new ClaimEvent
        {
            ClaimId = "R-" + settlement.Claim.ClaimId,
            Kind = ClaimKind.Reversal,
            ReversesClaimId = settlement.Claim.ClaimId,
            SettledAt = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)),
        }, [2], "{}");
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([reversal])).Accepted, registry);

        foreach (var balance in new[] { await Balance<IHospitalGrain>(h[0]), await Balance<IAllianceGrain>(alliance), await Balance<ICountyFundGrain>(county) })
        {
            Assert.Equal((5m, 1L), (balance.FundPaidIn(2026), balance.ClaimsCountedIn(2026)));
            Assert.Equal(0m, balance.Months.Single(m => m.Month == 202601).FundPaid);
        }
    }
}
