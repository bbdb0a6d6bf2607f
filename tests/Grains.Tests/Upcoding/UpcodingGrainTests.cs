using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Grains.Tests.Grains;
using Monitoring.Ledger;
using Monitoring.Registry;
using Monitoring.Upcoding;
using Orleans.Runtime;

namespace Monitoring.Grains.Tests.Upcoding;

/// <summary>The wiring of the coding watch: dispatch, the weekly judgement, claim-level evidence, reversal and rebuild.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UpcodingGrainTests(ClusterFixture fixture)
{
    private static int _nextCounty = 700;
    private static int _nextClaim;

    private async Task<(string Hospital, FundRegistry Registry)> CountyAsync()
    {
        var county = $"532{Interlocked.Increment(ref _nextCounty):D3}";
        var hospital = $"H{county}00001";
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"539900","name":"测试市","counties":[{"countyId":"{{county}}","name":"测试县","annualBudget":90000000,
              "alliances":[],
              "hospitals":[{"hospitalId":"{{hospital}}","name":"县人民医院","level":2,"allianceId":null,"annualBudget":80000000}]}]}]}
            """);
        return (hospital, registry);
    }

    /// <summary>A pneumonia case (ES2) of the given severity settled on <paramref name="day"/> of 2026.</summary>
    internal static ClaimSubmission Case(string hospital, DateOnly day, int severity, int stay, decimal cost) => new(0, new ClaimEvent
    {
        ClaimId = $"UC{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Settlement,
        SettledAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
        HospitalId = hospital,
        PatientId = $"P-U{_nextClaim}",
        AdmissionDate = day.AddDays(-stay - 1),
        DischargeDate = day.AddDays(-1),
        DischargeDisposition = "1",
        PrincipalDiagnosis = "J18.900",
        DrgCode = $"ES2{severity}",
        DrgWeight = severity == 5 ? 0.72m : 0.92m,
        PaymentMethod = "drg",
        TotalCost = cost,
        FundPaid = cost * 0.7m,
    }, [1], "{}");

    /// <summary>
    /// 60 cases a week: 40% heavy (with a heavy case's stay and cost) before <paramref name="onsetWeek"/>, then 60%, the
    /// extra heavy cases with the stay and cost of severity 5 — the record gained a complication, the patient did not.
    /// </summary>
    internal static List<ClaimSubmission> Year(string hospital, int weeks, int onsetWeek)
    {
        var claims = new List<ClaimSubmission>();
        for (var w = 0; w < weeks; w++)
        {
            var day = new DateOnly(2026, 1, 1).AddDays((7 * w) + 1);
            var heavy = w < onsetWeek ? 24 : 36;
            for (var i = 0; i < 60; i++)
            {
                claims.Add(i < 24 ? Case(hospital, day, 3, 8, 7800m)
                    : i < heavy ? Case(hospital, day, 3, 6, 5900m)
                    : Case(hospital, day, 5, 6 + (i % 2), 6000m + (i % 3 * 100)));
            }
        }

        return claims;
    }

    private async Task SettleAsync(FundRegistry registry, IEnumerable<ClaimSubmission> claims)
    {
        foreach (var chunk in claims.Chunk(500))
        {
            await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync(chunk)).Accepted, registry);
        }
    }

    private IReadOnlyList<Alert> UpcodingAlertsOn(string hospital) =>
        [.. fixture.Sinks.AlertsOfKind(AlertKinds.Upcoding).Where(a => a.HospitalId == hospital)];

    [Fact]
    public async Task A_hospital_that_starts_coding_heavier_is_alerted_once_with_the_onset_and_its_heavy_but_light_claims()
    {
        var (hospital, registry) = await CountyAsync();

        await SettleAsync(registry, Year(hospital, weeks: 24, onsetWeek: 12));

        var alerts = UpcodingAlertsOn(hospital);
        var raised = Assert.Single(alerts, a => a.Transition == AlertTransition.Raised);
        var onset = new DateOnly(2026, 1, 1).AddDays(7 * 12);
        Assert.Equal(UpcodingAlerts.AlertId(hospital, onset, AlertTransition.Raised), raised.AlertId);
        Assert.Equal(["ES2"], raised.DrgCodes);
        Assert.NotEmpty(raised.ClaimIds);
        Assert.True(raised.AsOf < new DateTimeOffset(onset.AddDays(45).ToDateTime(TimeOnly.MinValue), BudgetClock.ChinaOffset));
        Assert.Contains("\"heavyButLight\":", raised.EvidenceJson, StringComparison.Ordinal);
        var standing = await fixture.Cluster.Client.GetGrain<IUpcodingGrain>(hospital).GetStandingAsync();
        Assert.NotEqual(UpcodingLevel.None, standing.Level);
        Assert.Equal(onset, standing.Onset);
    }

    [Fact]
    public async Task A_hospital_heavy_from_the_start_is_not_alerted()
    {
        var (hospital, registry) = await CountyAsync();

        await SettleAsync(registry, Year(hospital, weeks: 24, onsetWeek: 0));

        Assert.Empty(UpcodingAlertsOn(hospital));
    }

    [Fact]
    public async Task A_reversed_example_claim_leaves_the_standing_alert_as_it_is_and_issues_nothing_new()
    {
        var (hospital, registry) = await CountyAsync();
        await SettleAsync(registry, Year(hospital, weeks: 24, onsetWeek: 12));
        var before = UpcodingAlertsOn(hospital).Select(a => a.AlertId).ToList();
        var raised = UpcodingAlertsOn(hospital).Where(a => a.Transition != AlertTransition.Cleared).OrderBy(a => a.AsOf).Last();
        var example = raised.ClaimIds[0];

        await SettleAsync(registry, [new ClaimSubmission(0, new ClaimEvent
        {
            ClaimId = $"UR{Interlocked.Increment(ref _nextClaim):D8}",
            Kind = ClaimKind.Reversal,
            ReversesClaimId = example,
            SettledAt = new DateTimeOffset(2026, 6, 20, 10, 0, 0, TimeSpan.FromHours(8)),
        }, [2], "{}")]);

        // The finding rests on hundreds of cases: it is neither withdrawn nor re-issued under a new id (which would
        // withdraw the case being worked and open another); the reversed case left the book, and the watch still sees it.
        var standing = await fixture.Cluster.Client.GetGrain<IUpcodingGrain>(hospital).GetStandingAsync();
        Assert.Equal(24 * 60 - 1, standing.Cases);
        Assert.Equal(before, UpcodingAlertsOn(hospital).Select(a => a.AlertId).ToList());
        Assert.Equal(AlertStatus.Open, Assert.Single(UpcodingAlertsOn(hospital), a => a.AlertId == raised.AlertId).Status);
        Assert.NotEqual(UpcodingLevel.None, standing.Level);
    }

    [Fact]
    public async Task A_deactivated_watch_rebuilds_from_the_ledger_without_raising_again()
    {
        var (hospital, registry) = await CountyAsync();
        await SettleAsync(registry, Year(hospital, weeks: 20, onsetWeek: 10));
        var before = UpcodingAlertsOn(hospital).Select(a => a.AlertId).ToList();
        Assert.NotEmpty(before);

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        // A case in the week still open: nothing new is judged, so whatever is published again is the rebuild's doing.
        await SettleAsync(registry, [Case(hospital, new DateOnly(2026, 5, 15), 5, 6, 6000m)]);

        Assert.Equal(before, UpcodingAlertsOn(hospital).Select(a => a.AlertId).ToList());
        var standing = await fixture.Cluster.Client.GetGrain<IUpcodingGrain>(hospital).GetStandingAsync();
        Assert.Equal(20 * 60 + 1, standing.Cases);
    }
}
