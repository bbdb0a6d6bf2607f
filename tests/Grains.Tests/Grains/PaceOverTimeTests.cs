using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Grains.Tests.Grains;

/// <summary>Budget pace as settlement time passes: accounts without claims are judged, and a cleared level resolves its episode.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PaceOverTimeTests(ClusterFixture fixture)
{
    private static int _nextCounty = 400;
    private static int _nextClaim;

    private async Task<(string County, string[] Hospitals, FundRegistry Registry)> CountyAsync()
    {
        var county = $"531{Interlocked.Increment(ref _nextCounty):D3}";
        string[] hospitals = [$"H{county}00001", $"H{county}00201"];
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"530900","name":"临沧市","counties":[{"countyId":"{{county}}","name":"测试县","annualBudget":1000000,
              "alliances":[],
              "hospitals":[{"hospitalId":"{{hospitals[0]}}","name":"人民医院","level":2,"allianceId":null,"annualBudget":800000},
                           {"hospitalId":"{{hospitals[1]}}","name":"民营医院","level":1,"allianceId":null,"annualBudget":100000}]}]}]}
            """);
        return (county, hospitals, registry);
    }

    private static ClaimSubmission Settlement(string hospital, decimal paid, DateOnly day) => new(0, new ClaimEvent
    {
        ClaimId = $"T{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Settlement,
        SettledAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
        HospitalId = hospital,
        PatientId = "P-1",
        FundPaid = paid,
    }, [1], "{}");

    [Fact]
    public async Task Account_without_new_claims_clears_as_its_county_time_passes_and_its_episode_is_resolved()
    {
        var (_, h, registry) = await CountyAsync();
        // The private hospital spends 30% of its budget on 5 January, then settles nothing more all spring; the county
        // hospital settles a little every day, which is all that moves the county's settlement time.
        var spree = new DateOnly(2026, 1, 5);
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([Settlement(h[1], 30_000, spree)])).Accepted, registry);
        for (var day = spree.AddDays(1); day <= new DateOnly(2026, 5, 31); day = day.AddDays(1))
        {
            await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync([Settlement(h[0], 100, day)])).Accepted, registry);
        }

        var alerts = fixture.Sinks.AlertsAbout(h[1]).Where(a => a.Kind == AlertKinds.BudgetPace).ToList();
        Assert.Equal(AlertTransition.Raised, alerts[0].Transition);
        Assert.Equal(AlertSeverity.Warning, alerts[0].Severity);
        var cleared = Assert.Single(alerts, a => a.Transition == AlertTransition.Cleared);
        // It clears once the gap is under 3 points (notice at 5, less the 2-point band): a time share of 27%, 9 April.
        Assert.Equal(new DateOnly(2026, 4, 9), DateOnly.FromDateTime(cleared.AsOf.DateTime));
        Assert.All(alerts, a => Assert.Equal(AlertStatus.Resolved, a.Status));
        var status = fixture.Sinks.Statuses[$"hospital/{h[1]}"];
        Assert.Null(status.Pace!.Level);
        Assert.True(status.Pace.Day >= new DateOnly(2026, 5, 30), $"the hospital's pace was last read on {status.Pace.Day}");
    }
}
