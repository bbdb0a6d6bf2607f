using Monitoring.Watch;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Grains.Tests.Grains;
using Monitoring.Ledger;
using Monitoring.LowThreshold;
using Monitoring.Registry;
using Orleans.Runtime;

namespace Monitoring.Grains.Tests.LowThreshold;

/// <summary>
/// The wiring of the low-threshold watch: dispatch to a grain per hospital, weeks closed by settlement time, the region's
/// medians from the peers grain, one alert raised then escalated, nothing on steady peers, a rebuild after deactivation
/// that raises nothing again, and a clearing once the share is back and the window has rolled past the change.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LowThresholdGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static int _nextClaim;

    internal static ClaimSubmission Stay(string hospital, int week, bool shortAndCheap) => new(0, new ClaimEvent
    {
        ClaimId = $"LT{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Settlement,
        SettledAt = new DateTimeOffset(Monday.AddDays((7 * week) + 2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
        HospitalId = hospital,
        PatientId = $"P-{_nextClaim}",
        AdmissionDate = Monday.AddDays(7 * week).AddDays(shortAndCheap ? -1 : -5),
        DischargeDate = Monday.AddDays(7 * week),
        DischargeDisposition = "1",
        PrincipalDiagnosis = "J06.900",
        DrgCode = "DT15",
        PaymentMethod = "drg",
        TotalCost = shortAndCheap ? 600 : 2000,
        FundPaid = shortAndCheap ? 400 : 1400,
    }, [1], "{}");

    /// <summary>Thirty stays a week at each hospital; <paramref name="shortAtA"/> of hospital A's are short and cheap, one at the others.</summary>
    private async Task WeekAsync(FundRegistry registry, string[] h, int week, int shortAtA)
    {
        var claims = h.SelectMany((hospital, i) => Enumerable.Range(0, 30).Select(k => Stay(hospital, week, k < (i == 0 ? shortAtA : 1)))).ToArray();
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync(claims)).Accepted, registry);
    }

    [Fact]
    public async Task A_hospital_whose_share_rises_is_raised_escalated_kept_through_a_rebuild_and_cleared_once_back()
    {
        string[] h = ["H53990100101", "H53990100102", "H53990100103"];
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"539900","name":"测试州","counties":[{"countyId":"539901","name":"测试县","annualBudget":10000000,
              "alliances":[],
              "hospitals":[{"hospitalId":"{{h[0]}}","name":"甲乡卫生院","level":1,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[1]}}","name":"乙乡卫生院","level":1,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[2]}}","name":"丙乡卫生院","level":1,"allianceId":null,"annualBudget":1000000}]}]}]}
            """);
        IReadOnlyList<Alert> AlertsOn(string hospital) =>
            [.. fixture.Sinks.AlertsOfKind(AlertKinds.LowThresholdAdmission).Where(a => a.HospitalId == hospital).OrderBy(a => a.AsOf)];

        for (var week = 0; week < 10; week++)
        {
            await WeekAsync(registry, h, week, shortAtA: 1);
        }

        await WeekAsync(registry, h, 10, shortAtA: 10);
        await WeekAsync(registry, h, 11, shortAtA: 10);
        await WeekAsync(registry, h, 12, shortAtA: 1);   // ends week 11

        var alerts = AlertsOn(h[0]);
        Assert.Equal([AlertTransition.Raised, AlertTransition.Escalated], alerts.Select(a => a.Transition));
        var raised = alerts[0];
        Assert.Equal(SettlementWeek.End(SettlementWeek.Of(Monday.AddDays(70))), raised.AsOf);
        Assert.Equal(AlertSeverity.Warning, raised.Severity);
        Assert.Equal(AlertSeverity.Critical, alerts[1].Severity);
        Assert.Equal(8, raised.ClaimIds.Length);
        // Week 10 of the fund year: the seven days from 12 March (weeks count from 1 January).
        Assert.Contains("\"onset\":\"2026-03-12\"", raised.EvidenceJson, StringComparison.Ordinal);
        Assert.Empty(AlertsOn(h[1]));
        Assert.Empty(AlertsOn(h[2]));

        // Deactivate everything: the watch rebuilds from the ledger and must not raise what it raised already.
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await WeekAsync(registry, h, 13, shortAtA: 1);
        // The peers grain started empty too: it knows every hospital again once each has ended a week.
        await WeekAsync(registry, h, 14, shortAtA: 1);
        Assert.Equal(2, AlertsOn(h[0]).Count);
        var standing = await fixture.Cluster.Client.GetGrain<ILowThresholdGrain>(h[0]).GetStandingAsync();
        Assert.Equal(AlarmLevel.Critical, standing.Level);
        Assert.Equal(new DateOnly(2026, 4, 1), standing.Months.Select(m => new DateOnly(m.Year, m.Month, 1)).Max());
        Assert.Equal(2, standing.Peers);

        // Back to one in thirty: the capped statistic falls by about 1.2 a week, and the peer window must roll past
        // the two high weeks before the ratio is under 1.5 again.
        for (var week = 15; week < 32 && AlertsOn(h[0]).Count == 2; week++)
        {
            await WeekAsync(registry, h, week, shortAtA: 1);
        }

        var cleared = AlertsOn(h[0])[^1];
        Assert.Equal(AlertTransition.Cleared, cleared.Transition);
        Assert.Equal(AlertSeverity.Notice, cleared.Severity);
        Assert.True(cleared.AsOf > SettlementWeek.End(SettlementWeek.Of(Monday.AddDays(7 * 23))), $"cleared as of {cleared.AsOf}, before the peer window rolled past the change");
    }

    private static ClaimSubmission Coded(string hospital, int week, string drg, int stayDays, decimal cost) => new(0, new ClaimEvent
    {
        ClaimId = $"LT{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Settlement,
        SettledAt = new DateTimeOffset(Monday.AddDays((7 * week) + 2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
        HospitalId = hospital,
        PatientId = $"P-{_nextClaim}",
        AdmissionDate = Monday.AddDays(7 * week).AddDays(-stayDays),
        DischargeDate = Monday.AddDays(7 * week),
        DischargeDisposition = "1",
        PrincipalDiagnosis = "J06.900",
        DrgCode = drg,
        PaymentMethod = "drg",
        TotalCost = cost,
        FundPaid = cost * 0.7m,
    }, [1], "{}");

    [Fact]
    public async Task An_upcoder_whose_short_light_stays_are_coded_heavier_is_not_flagged_as_admitting_below_the_threshold()
    {
        string[] h = ["H53980100101", "H53980100102", "H53980100103"];
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"539800","name":"测试二州","counties":[{"countyId":"539801","name":"测试二县","annualBudget":10000000,
              "alliances":[],
              "hospitals":[{"hospitalId":"{{h[0]}}","name":"甲院","level":2,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[1]}}","name":"乙院","level":2,"allianceId":null,"annualBudget":1000000},
                           {"hospitalId":"{{h[2]}}","name":"丙院","level":2,"allianceId":null,"annualBudget":1000000}]}]}]}
            """);

        // Each week at each hospital: 20 ordinary light stays, 5 short light ones at 60% of the light cost (not cheap),
        // 5 heavy ones, 1 short and cheap. From week 10 hospital A codes its 5 short light stays into the heavy group:
        // at the heavy group's costs they would look cheap, at their ADRG's they are what they were.
        for (var week = 0; week < 24; week++)
        {
            var claims = h.SelectMany(hospital => Enumerable.Range(0, 31).Select(k => k switch
            {
                < 20 => Coded(hospital, week, "DT15", 5, 2000),
                < 25 => Coded(hospital, week, hospital == h[0] && week >= 10 ? "DT11" : "DT15", 2, 1200),
                < 30 => Coded(hospital, week, "DT11", 8, 6000),
                _ => Coded(hospital, week, "DT15", 1, 600),
            })).ToArray();
            await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync(claims)).Accepted, registry);
        }

        Assert.DoesNotContain(fixture.Sinks.AlertsOfKind(AlertKinds.LowThresholdAdmission), a => h.Contains(a.HospitalId));
        var standing = await fixture.Cluster.Client.GetGrain<ILowThresholdGrain>(h[0]).GetStandingAsync();
        Assert.All(standing.Months.Where(m => m.Stays > 0), m => Assert.InRange(m.Share ?? 0, 0.02, 0.05));
    }
}
