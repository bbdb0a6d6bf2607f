using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Grains.Tests.Grains;
using Monitoring.Grains.Tests.LowThreshold;
using Monitoring.Grains.Tests.Readmission;
using Monitoring.Grains.Tests.Upcoding;
using Monitoring.Ledger;
using Monitoring.Registry;
using Monitoring.Upcoding;

namespace Monitoring.Grains.Tests.Watch;

/// <summary>
/// A detector whose dispatch was lost (a silo died, a call timed out) still sees the rows: the ledger holds them, so
/// the next batch fills the gap before it, and with no next batch the periodic catch-up brings them. A lost batch is
/// one the ledger admitted and no detector received.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WatchCatchUpTests(ClusterFixture fixture)
{
    private static readonly TimeSpan CatchUpWait = TimeSpan.FromSeconds(20);
    private static int _nextCounty = 100;

    private async Task<(string[] Hospitals, FundRegistry Registry)> RegionAsync()
    {
        var n = Interlocked.Increment(ref _nextCounty);
        var county = $"548{n:D3}";
        string[] h = [$"H{county}00001", $"H{county}00002", $"H{county}00003"];
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"549{{n:D3}}","name":"补读测试州","counties":[{"countyId":"{{county}}","name":"测试县","annualBudget":90000000,
              "alliances":[],
              "hospitals":[{"hospitalId":"{{h[0]}}","name":"甲乡卫生院","level":1,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[1]}}","name":"乙乡卫生院","level":1,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[2]}}","name":"丙乡卫生院","level":1,"allianceId":null,"annualBudget":1000000}]}]}]}
            """);
        return (h, registry);
    }

    private async Task DeliveredAsync(FundRegistry registry, IEnumerable<ClaimSubmission> claims)
    {
        foreach (var chunk in claims.Chunk(500))
        {
            await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync(chunk)).Accepted, registry);
        }
    }

    /// <summary>Admitted by the ledger, and its dispatch lost: no detector is told.</summary>
    private async Task LostAsync(IEnumerable<ClaimSubmission> claims)
    {
        foreach (var chunk in claims.Chunk(500))
        {
            Assert.NotEmpty((await fixture.Ledger.AppendAsync(chunk)).Accepted);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + CatchUpWait;
        var last = await probe();
        while (!done(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            last = await probe();
        }

        Assert.True(done(last), $"not caught up within {CatchUpWait}: {what}");
        return last;
    }

    private IReadOnlyList<Alert> PairAlertsOn(string claimId) =>
        [.. fixture.Sinks.AlertsOfKind(AlertKinds.SplitHospitalization).Where(a => a.ClaimIds.Contains(claimId))];

    private IReadOnlyList<Alert> AlertsOn(string kind, string hospital) =>
        [.. fixture.Sinks.AlertsOfKind(kind).Where(a => a.HospitalId == hospital).OrderBy(a => a.AsOf)];

    [Fact]
    public async Task Readmission_whose_batch_was_lost_pairs_it_when_the_next_batch_comes()
    {
        var (h, registry) = await RegionAsync();
        var first = ReadmissionGrainTests.Stay(h[0], "P-CU1", admissionDay: 60, dischargeDay: 65, settledDay: 66);
        var second = ReadmissionGrainTests.Stay(h[0], "P-CU1", admissionDay: 67, dischargeDay: 70, settledDay: 71);
        await DeliveredAsync(registry, [first]);
        await LostAsync([second]);

        await DeliveredAsync(registry, [ReadmissionGrainTests.Stay(h[0], "P-CU2", admissionDay: 60, dischargeDay: 64, settledDay: 72)]);

        var alert = Assert.Single(PairAlertsOn(second.Claim.ClaimId));
        Assert.Equal([first.Claim.ClaimId, second.Claim.ClaimId], alert.ClaimIds);
    }

    [Fact]
    public async Task Readmission_whose_batch_was_lost_pairs_it_on_the_catch_up_with_no_new_batch()
    {
        var (h, registry) = await RegionAsync();
        var first = ReadmissionGrainTests.Stay(h[1], "P-CU3", admissionDay: 60, dischargeDay: 65, settledDay: 66);
        var second = ReadmissionGrainTests.Stay(h[1], "P-CU3", admissionDay: 67, dischargeDay: 70, settledDay: 71);
        await DeliveredAsync(registry, [first]);

        await LostAsync([second]);

        var alerts = await EventuallyAsync(() => Task.FromResult(PairAlertsOn(second.Claim.ClaimId)), a => a.Count > 0, "the pair");
        Assert.Equal([first.Claim.ClaimId, second.Claim.ClaimId], Assert.Single(alerts).ClaimIds);
    }

    [Fact]
    public async Task Readmission_reversal_whose_batch_was_lost_withdraws_the_pair_on_the_catch_up()
    {
        var (h, registry) = await RegionAsync();
        var first = ReadmissionGrainTests.Stay(h[2], "P-CU4", admissionDay: 60, dischargeDay: 65, settledDay: 66);
        var second = ReadmissionGrainTests.Stay(h[2], "P-CU4", admissionDay: 67, dischargeDay: 70, settledDay: 71);
        await DeliveredAsync(registry, [first, second]);
        Assert.Equal(AlertStatus.Open, Assert.Single(PairAlertsOn(first.Claim.ClaimId)).Status);

        await LostAsync([ReadmissionGrainTests.Reversal(second, 80)]);

        await EventuallyAsync(() => Task.FromResult(PairAlertsOn(first.Claim.ClaimId)),
            a => a.Count == 1 && a[0].Status == AlertStatus.Withdrawn, "the withdrawal");
    }

    /// <summary>Ten quiet weeks delivered; the two weeks the share rose in lost; then, if asked, a quiet week delivered.</summary>
    private async Task LowThresholdYearAsync(FundRegistry registry, string[] h, bool nextBatch)
    {
        IEnumerable<ClaimSubmission> Week(int week, int shortAtA) =>
            h.SelectMany((hospital, i) => Enumerable.Range(0, 30).Select(k => LowThresholdGrainTests.Stay(hospital, week, k < (i == 0 ? shortAtA : 1))));
        for (var week = 0; week < 10; week++)
        {
            await DeliveredAsync(registry, Week(week, 1));
        }

        await LostAsync([.. Week(10, 10), .. Week(11, 10)]);
        if (nextBatch)
        {
            await DeliveredAsync(registry, Week(12, 1));
        }
        else
        {
            await LostAsync(Week(12, 1));
        }
    }

    [Fact]
    public async Task Low_threshold_weeks_whose_batches_were_lost_are_judged_when_the_next_batch_comes()
    {
        var (h, registry) = await RegionAsync();

        await LowThresholdYearAsync(registry, h, nextBatch: true);

        var alerts = await EventuallyAsync(() => Task.FromResult(AlertsOn(AlertKinds.LowThresholdAdmission, h[0])), a => a.Count >= 2, "the raise and escalation");
        Assert.Equal([AlertTransition.Raised, AlertTransition.Escalated], alerts.Select(a => a.Transition));
        Assert.Empty(AlertsOn(AlertKinds.LowThresholdAdmission, h[1]));
    }

    [Fact]
    public async Task Low_threshold_weeks_whose_batches_were_lost_are_judged_on_the_catch_up_with_no_new_batch()
    {
        var (h, registry) = await RegionAsync();

        await LowThresholdYearAsync(registry, h, nextBatch: false);

        var alerts = await EventuallyAsync(() => Task.FromResult(AlertsOn(AlertKinds.LowThresholdAdmission, h[0])), a => a.Count >= 1, "the raise");
        Assert.Equal(AlertTransition.Raised, alerts[0].Transition);
    }

    [Fact]
    public async Task Upcoding_weeks_whose_batches_were_lost_are_judged_when_the_next_batch_comes()
    {
        var (h, registry) = await RegionAsync();
        var year = UpcodingGrainTests.Year(h[0], weeks: 24, onsetWeek: 12);
        await DeliveredAsync(registry, year.Take(12 * 60));
        await LostAsync(year.Skip(12 * 60));

        await DeliveredAsync(registry, [UpcodingGrainTests.Case(h[0], new DateOnly(2026, 6, 20), 5, 6, 6000m)]);

        var raised = Assert.Single(AlertsOn(AlertKinds.Upcoding, h[0]), a => a.Transition == AlertTransition.Raised);
        Assert.Equal(UpcodingAlerts.AlertId(h[0], new DateOnly(2026, 1, 1).AddDays(7 * 12), AlertTransition.Raised), raised.AlertId);
    }

    [Fact]
    public async Task Upcoding_weeks_whose_batches_were_lost_are_judged_on_the_catch_up_with_no_new_batch()
    {
        var (h, registry) = await RegionAsync();
        var year = UpcodingGrainTests.Year(h[1], weeks: 24, onsetWeek: 12);
        await DeliveredAsync(registry, year.Take(12 * 60));

        await LostAsync(year.Skip(12 * 60));

        var alerts = await EventuallyAsync(() => Task.FromResult(AlertsOn(AlertKinds.Upcoding, h[1])),
            a => a.Any(x => x.Transition == AlertTransition.Raised), "the raise");
        Assert.Equal(UpcodingAlerts.AlertId(h[1], new DateOnly(2026, 1, 1).AddDays(7 * 12), AlertTransition.Raised),
            Assert.Single(alerts, a => a.Transition == AlertTransition.Raised).AlertId);
    }

    [Fact]
    public async Task Upcoding_reversal_whose_batch_was_lost_takes_its_case_out_on_the_catch_up()
    {
        var (h, registry) = await RegionAsync();
        var year = UpcodingGrainTests.Year(h[2], weeks: 4, onsetWeek: 4);
        await DeliveredAsync(registry, year);
        var watch = fixture.Cluster.Client.GetGrain<IUpcodingGrain>(h[2]);
        Assert.Equal(4 * 60, (await watch.GetStandingAsync()).Cases);

        await LostAsync([new ClaimSubmission(0, new ClaimEvent
        {
            ClaimId = $"CUR{h[2]}",
            Kind = ClaimKind.Reversal,
            ReversesClaimId = year[0].Claim.ClaimId,
            SettledAt = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.FromHours(8)),
        }, [2], "{}")]);

        await EventuallyAsync(() => watch.GetStandingAsync(), s => s.Cases == (4 * 60) - 1, "the reversed case out of the book");
    }
}
