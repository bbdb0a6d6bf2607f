using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Grains.Tests.Grains;
using Monitoring.Ledger;
using Monitoring.Readmission;
using Monitoring.Registry;
using Orleans.Runtime;

namespace Monitoring.Grains.Tests.Readmission;

/// <summary>The wiring of the readmission watch: dispatch, out-of-order pairs, withdrawal on reversal, rebuild after deactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadmissionGrainTests(ClusterFixture fixture)
{
    private static int _nextCounty = 600;
    private static int _nextClaim;

    /// <summary>A county of its own per test: two hospitals in a tight alliance and one outside any.</summary>
    private async Task<(string Alliance, string[] Hospitals, FundRegistry Registry)> CountyAsync()
    {
        var county = $"531{Interlocked.Increment(ref _nextCounty):D3}";
        var alliance = $"R-{county}";
        string[] hospitals = [$"H{county}00001", $"H{county}00002", $"H{county}00201"];
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"530900","name":"临沧市","counties":[{"countyId":"{{county}}","name":"测试县","annualBudget":1000000,
              "alliances":[{"allianceId":"{{alliance}}","name":"紧密型医共体","type":"tight","annualBudget":800000}],
              "hospitals":[{"hospitalId":"{{hospitals[0]}}","name":"人民医院","level":2,"allianceId":"{{alliance}}","annualBudget":500000},
                           {"hospitalId":"{{hospitals[1]}}","name":"卫生院","level":1,"allianceId":"{{alliance}}","annualBudget":300000},
                           {"hospitalId":"{{hospitals[2]}}","name":"民营医院","level":1,"allianceId":null,"annualBudget":100000}]}]}]}
            """);
        return (alliance, hospitals, registry);
    }

    /// <summary>A stay of <paramref name="patient"/> for pneumonia (J18, ES2), settled <paramref name="settledDay"/> of 2026.</summary>
    internal static ClaimSubmission Stay(string hospital, string patient, int admissionDay, int dischargeDay, int settledDay) => new(0, new ClaimEvent
    {
        ClaimId = $"RS{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Settlement,
        SettledAt = new DateTimeOffset(new DateOnly(2026, 1, 1).AddDays(settledDay - 1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
        HospitalId = hospital,
        PatientId = patient,
        AdmissionDate = new DateOnly(2026, 1, 1).AddDays(admissionDay - 1),
        DischargeDate = new DateOnly(2026, 1, 1).AddDays(dischargeDay - 1),
        DischargeDisposition = "1",
        PrincipalDiagnosis = "J18.900",
        DrgCode = "ES23",
        TotalCost = 6000,
        FundPaid = 4000,
    }, [1], "{}");

    internal static ClaimSubmission Reversal(ClaimSubmission of, int settledDay) => new(0, new ClaimEvent
    {
        ClaimId = $"RR{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Reversal,
        ReversesClaimId = of.Claim.ClaimId,
        SettledAt = new DateTimeOffset(new DateOnly(2026, 1, 1).AddDays(settledDay - 1).ToDateTime(new TimeOnly(11, 0)), TimeSpan.FromHours(8)),
    }, [2], "{}");

    private async Task SettleAsync(FundRegistry registry, params ClaimSubmission[] claims) =>
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync(claims)).Accepted, registry);

    private IReadOnlyList<Alert> PairAlertsOn(string claimId) =>
        [.. fixture.Sinks.AlertsOfKind(AlertKinds.SplitHospitalization).Where(a => a.ClaimIds.Contains(claimId))];

    [Fact]
    public async Task Second_stay_settled_first_still_makes_one_pair_with_the_first_stay_first()
    {
        var (_, h, registry) = await CountyAsync();
        var first = Stay(h[0], "P-A1", admissionDay: 60, dischargeDay: 65, settledDay: 90);
        var second = Stay(h[0], "P-A1", admissionDay: 67, dischargeDay: 70, settledDay: 72);

        await SettleAsync(registry, second);
        await SettleAsync(registry, first);

        var alert = Assert.Single(PairAlertsOn(second.Claim.ClaimId));
        Assert.Equal([first.Claim.ClaimId, second.Claim.ClaimId], alert.ClaimIds);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(first.Claim.SettledAt, alert.AsOf);
    }

    [Fact]
    public async Task Readmission_at_another_member_of_the_alliance_is_a_pair_but_outside_it_is_not()
    {
        var (_, h, registry) = await CountyAsync();
        var first = Stay(h[0], "P-B1", 10, 15, 17);
        var atMember = Stay(h[1], "P-B1", 20, 24, 26);
        var other = Stay(h[0], "P-B2", 10, 15, 17);
        var outside = Stay(h[2], "P-B2", 20, 24, 26);

        await SettleAsync(registry, first, other, atMember, outside);

        var alert = Assert.Single(PairAlertsOn(atMember.Claim.ClaimId));
        Assert.Equal(h[1], alert.HospitalId);
        Assert.Empty(PairAlertsOn(outside.Claim.ClaimId));
    }

    [Fact]
    public async Task Reversal_of_either_stay_withdraws_the_pair_alert()
    {
        var (_, h, registry) = await CountyAsync();
        var first = Stay(h[0], "P-C1", 100, 104, 106);
        var second = Stay(h[0], "P-C1", 110, 113, 115);
        await SettleAsync(registry, first, second);
        Assert.Equal(AlertStatus.Open, Assert.Single(PairAlertsOn(first.Claim.ClaimId)).Status);

        await SettleAsync(registry, Reversal(first, 120));

        Assert.Equal(AlertStatus.Withdrawn, Assert.Single(PairAlertsOn(first.Claim.ClaimId)).Status);
    }

    [Fact]
    public async Task A_deactivated_watch_rebuilds_from_the_ledger_and_pairs_a_later_stay_without_realerting()
    {
        var (alliance, h, registry) = await CountyAsync();
        var first = Stay(h[0], "P-D1", 150, 155, 157);
        var second = Stay(h[1], "P-D1", 158, 160, 162);
        await SettleAsync(registry, first, second);
        var before = fixture.Sinks.AlertsOfKind(AlertKinds.SplitHospitalization).Count;

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var third = Stay(h[0], "P-D1", 165, 168, 170);
        await SettleAsync(registry, third);

        // The rebuilt window held the second stay, so the third pairs with it; the first pair is found again but stored once.
        Assert.Single(PairAlertsOn(third.Claim.ClaimId));
        Assert.Equal(before + 1, fixture.Sinks.AlertsOfKind(AlertKinds.SplitHospitalization).Count);
        var size = await fixture.Cluster.Client.GetGrain<IReadmissionGrain>(alliance).GetSizeAsync();
        Assert.Equal(3, size.Stays);
    }
}
