using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Grains.Tests.Grains;
using Monitoring.Ledger;
using Monitoring.Readmission;
using Monitoring.Registry;
using Monitoring.Rules;
using Monitoring.Grains.Tests.Readmission;

namespace Monitoring.Grains.Tests.Rules;

/// <summary>A version published while the cluster runs judges from its effective date, in its county only, and every alert names it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RuleLibraryGrainTests(ClusterFixture fixture)
{
    private static int _nextCounty = 700;

    private async Task<(string Shorter, string Other, FundRegistry Registry)> TwoCountiesAsync()
    {
        var a = $"531{Interlocked.Increment(ref _nextCounty):D3}";
        var b = $"531{Interlocked.Increment(ref _nextCounty):D3}";
        var registry = await fixture.Registry.ReplaceAsync($$"""
            {"fundYear":2026,"regions":[{"regionId":"530900","name":"临沧市","counties":[
              {"countyId":"{{a}}","name":"甲县","annualBudget":1000000,"alliances":[],
               "hospitals":[{"hospitalId":"H{{a}}00201","name":"甲县医院","level":2,"allianceId":null,"annualBudget":500000}]},
              {"countyId":"{{b}}","name":"乙县","annualBudget":1000000,"alliances":[],
               "hospitals":[{"hospitalId":"H{{b}}00201","name":"乙县医院","level":2,"allianceId":null,"annualBudget":500000}]}]}]}
            """);
        return (a, b, registry);
    }

    private async Task SettleAsync(FundRegistry registry, params ClaimSubmission[] claims) =>
        await fixture.Dispatcher.DispatchAsync((await fixture.Ledger.AppendAsync(claims)).Accepted, registry);

    private IReadOnlyList<Alert> PairAlertsOn(string claimId) =>
        [.. fixture.Sinks.AlertsOfKind(AlertKinds.SplitHospitalization).Where(a => a.ClaimIds.Contains(claimId))];

    [Fact]
    public async Task Shorter_window_published_for_one_county_stops_a_ten_day_readmission_there_only_and_alerts_name_the_version()
    {
        var (shorter, other, registry) = await TwoCountiesAsync();
        var today = 200; // day of 2026 the version takes effect: settlement time, not the wall clock
        var library = fixture.Cluster.Client.GetGrain<IRuleLibraryGrain>(0);
        var draft = await library.DraftAsync(new RuleDraft(RuleIds.SplitHospitalization, $"county:{shorter}", new DateOnly(2026, 1, 1).AddDays(today - 1),
            new Dictionary<string, decimal> { ["windowDays"] = 7 }, "regulator:county", "county policy: 7 days", "530900"));
        Assert.Empty(draft.Errors);
        var published = await library.PublishAsync(RuleIds.SplitHospitalization, draft.Version!.Value, "regulator:county", "in force from today");
        Assert.Empty(published.Errors);
        var book = fixture.SiloServices.GetRequiredService<RuleBook>();
        await WaitAsync(() => book.Library.Revision >= published.Revision);

        // A 10-day readmission in each county, both settled from the effective day on; and one in the shorter county before it.
        var inShorter = (ReadmissionGrainTests.Stay($"H{shorter}00201", "P-R1", today - 20, today - 15, today), ReadmissionGrainTests.Stay($"H{shorter}00201", "P-R1", today - 5, today - 1, today + 1));
        var inOther = (ReadmissionGrainTests.Stay($"H{other}00201", "P-R2", today - 20, today - 15, today), ReadmissionGrainTests.Stay($"H{other}00201", "P-R2", today - 5, today - 1, today + 1));
        var before = (ReadmissionGrainTests.Stay($"H{shorter}00201", "P-R3", today - 40, today - 35, today - 34), ReadmissionGrainTests.Stay($"H{shorter}00201", "P-R3", today - 25, today - 22, today - 21));
        await SettleAsync(registry, before.Item1, before.Item2, inShorter.Item1, inOther.Item1, inShorter.Item2, inOther.Item2);

        Assert.Empty(PairAlertsOn(inShorter.Item2.Claim.ClaimId));
        var alert = Assert.Single(PairAlertsOn(inOther.Item2.Claim.ClaimId));
        Assert.Equal((RuleIds.SplitHospitalization, 1), (alert.RuleId, alert.RuleVersion));
        Assert.Contains("\"windowDays\":15", alert.EvidenceJson);
        // Settled before the effective day, the shorter county's pair is judged by the version then in force.
        var earlier = Assert.Single(PairAlertsOn(before.Item2.Claim.ClaimId));
        Assert.Equal(1, earlier.RuleVersion);

        // A 5-day readmission in the shorter county is judged by the new version and says so.
        var within = (ReadmissionGrainTests.Stay($"H{shorter}00201", "P-R4", today - 10, today - 8, today), ReadmissionGrainTests.Stay($"H{shorter}00201", "P-R4", today - 3, today, today + 2));
        await SettleAsync(registry, within.Item1, within.Item2);
        var newer = Assert.Single(PairAlertsOn(within.Item2.Claim.ClaimId));
        Assert.Equal(draft.Version, newer.RuleVersion);
        Assert.Contains("\"windowDays\":7", newer.EvidenceJson);
        Assert.Contains($"\"scope\":\"county:{shorter}\"", newer.EvidenceJson);
    }

    [Fact]
    public async Task Lower_pace_gap_published_for_one_county_raises_a_notice_there_only_from_its_effective_day()
    {
        var (tighter, other, registry) = await TwoCountiesAsync();
        var from = new DateOnly(2026, 4, 1);
        var library = fixture.Cluster.Client.GetGrain<IRuleLibraryGrain>(0);
        var draft = await library.DraftAsync(new RuleDraft(RuleIds.BudgetPace, $"county:{tighter}", from,
            new Dictionary<string, decimal> { ["noticeGapPoints"] = 3 }, "regulator:county", "tighter watch this year", "530900"));
        Assert.Empty(draft.Errors);
        var published = await library.PublishAsync(RuleIds.BudgetPace, draft.Version!.Value, "regulator:county", "in force from April");
        Assert.Empty(published.Errors);
        var book = fixture.SiloServices.GetRequiredService<RuleBook>();
        await WaitAsync(() => book.Library.Revision >= published.Revision);

        // Each hospital spends 32.5% of its 500,000 budget on 14 April (4.0 points ahead of the year gone); a claim of
        // 15 April ends the day. Under the seeded 5-point notice that is nothing; under 3 points it is a notice.
        var fourteenth = new DateTimeOffset(2026, 4, 14, 10, 0, 0, TimeSpan.FromHours(8));
        await SettleAsync(registry, Paid($"H{tighter}00201", 162_500, fourteenth), Paid($"H{other}00201", 162_500, fourteenth));
        await SettleAsync(registry, Paid($"H{tighter}00201", 100, fourteenth.AddDays(1)), Paid($"H{other}00201", 100, fourteenth.AddDays(1)));

        var notice = Assert.Single(fixture.Sinks.AlertsAbout($"H{tighter}00201"), a => a.Kind == AlertKinds.BudgetPace);
        Assert.Equal((AlertTransition.Raised, AlertSeverity.Notice), (notice.Transition, notice.Severity));
        Assert.Equal(new DateOnly(2026, 4, 14), DateOnly.FromDateTime(notice.AsOf.DateTime));
        Assert.Contains("\"noticeGapPoints\":3", notice.EvidenceJson);
        Assert.Equal(draft.Version, book.Stamped(notice).RuleVersion);
        Assert.DoesNotContain(fixture.Sinks.AlertsAbout($"H{other}00201"), a => a.Kind == AlertKinds.BudgetPace);
    }

    private static int _nextClaim;

    private static ClaimSubmission Paid(string hospital, decimal paid, DateTimeOffset settledAt) => new(0, new ClaimEvent
    {
        ClaimId = $"RP{Interlocked.Increment(ref _nextClaim):D8}",
        Kind = ClaimKind.Settlement,
        SettledAt = settledAt,
        HospitalId = hospital,
        PatientId = "P-RP",
        FundPaid = paid,
    }, [1], "{}");

    [Fact]
    public async Task Draft_out_of_bounds_changes_nothing_and_says_which_parameter()
    {
        var library = fixture.Cluster.Client.GetGrain<IRuleLibraryGrain>(0);
        var revision = (await library.GetAsync()).Revision;

        var reply = await library.DraftAsync(new RuleDraft(RuleIds.SplitHospitalization, "county:530922", new DateOnly(2026, 7, 1),
            new Dictionary<string, decimal> { ["windowDays"] = 400 }, "r", "too long", "530900"));

        Assert.Equal("parameters.windowDays", Assert.Single(reply.Errors).Field);
        Assert.Equal(revision, (await library.GetAsync()).Revision);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the silo's rule book never took the publish");
            await Task.Delay(20);
        }
    }
}
