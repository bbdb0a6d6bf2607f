using Monitoring.Alerts;
using Monitoring.Grains.Tests.Grains;
using Monitoring.Readmission;

namespace Monitoring.Grains.Tests.Readmission;

/// <summary>
/// The wiring of the readmission-rate test: places report their hospitals' days, the region's peers grain judges each
/// closed day once against the other same-level hospitals' rate, raises one alert on the hospital that readmits at twice
/// it, none on the others, and when it is back to expected clears once and resolves both documents.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadmissionPeersGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly January1 = new(2026, 1, 1);

    [Fact]
    public async Task A_hospital_at_twice_its_peers_rate_is_raised_once_and_cleared_once_back_with_both_alerts_resolved()
    {
        string[] h = ["H53970100001", "H53970100002", "H53970100003", "H53970100004"];
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"539700","name":"测试三州","counties":[{"countyId":"539701","name":"测试三县","annualBudget":10000000,
              "alliances":[],
              "hospitals":[{"hospitalId":"{{h[0]}}","name":"甲院","level":2,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[1]}}","name":"乙院","level":2,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[2]}}","name":"丙院","level":2,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[3]}}","name":"丁院","level":2,"allianceId":null,"annualBudget":1000000}]}]}]}
            """);
        var peers = fixture.Cluster.Client.GetGrain<IReadmissionPeersGrain>("539700");
        var days = h.Select(_ => new List<DayCount>()).ToArray();
        IReadOnlyList<Alert> RateAlerts(string hospital) =>
            [.. fixture.Sinks.AlertsOfKind(AlertKinds.SplitHospitalization).Where(a => a.HospitalId == hospital && a.AlertId.Contains("/rate/", StringComparison.Ordinal)).OrderBy(a => a.AsOf)];

        // 20 discharges a day everywhere; one pair a day at the peers (5%), two at hospital A (10%) for 120 days, then one.
        // The first 16 days pass unjudged: the peers have fewer than 1,000 discharges behind their rate.
        for (var d = 0; d < 220; d++)
        {
            var day = January1.AddDays(d);
            var reports = new List<HospitalReadmissionReport>();
            for (var i = 0; i < h.Length; i++)
            {
                days[i].Add(new DayCount(day, 20, i == 0 && d < 120 ? 2 : 1));
                var window = days[i].TakeLast(90).ToArray();
                reports.Add(new HospitalReadmissionReport(registry.PlacementOf(h[i])!, 2, new ReadmissionRate(window.Sum(c => c.Discharges), window.Sum(c => c.Pairs))) { Days = window });
            }

            // Reported as the place's watermark reaches the next day: the day reported is closed.
            await peers.ReportAsync([.. reports], day.AddDays(1));
        }

        var alerts = RateAlerts(h[0]);
        Assert.Equal([AlertTransition.Raised, AlertTransition.Cleared], alerts.Select(a => a.Transition));
        Assert.All(alerts, a => Assert.Equal(AlertStatus.Resolved, a.Status));
        Assert.InRange(DateOnly.FromDateTime(alerts[0].AsOf.DateTime).DayNumber - January1.DayNumber, 20, 60);
        Assert.Contains("\"observed\":", alerts[0].EvidenceJson, StringComparison.Ordinal);
        Assert.Contains("\"onset\":\"2026-01-", alerts[0].EvidenceJson, StringComparison.Ordinal);
        Assert.True(alerts[1].AsOf > new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(8)), $"cleared as of {alerts[1].AsOf}, before the rate fell back");
        Assert.All(h.Skip(1), other => Assert.Empty(RateAlerts(other)));

        // The same days reported again are judged already: nothing more is raised.
        var again = days.Select((d, i) => new HospitalReadmissionReport(registry.PlacementOf(h[i])!, 2, new ReadmissionRate(1800, 90)) { Days = [.. d.TakeLast(90)] });
        await peers.ReportAsync([.. again], January1.AddDays(220));
        Assert.Equal(2, RateAlerts(h[0]).Count);
    }
}
