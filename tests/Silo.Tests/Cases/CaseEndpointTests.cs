using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Silo.Tests.Push;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Cases;

/// <summary>Inspection cases against the real embedded host: opened by a planted split pair, worked over HTTP and the hub.</summary>
public sealed class CaseEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Hospital = "H53092200001";

    private RunningHost Host => fixture.Host;

    private string Token(string role, string? scope, string subject) =>
        Host.Services.GetRequiredService<TokenIssuer>().Mint(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error), subject: subject);

    private string InspectorA => Token("inspector", "county:530922", "insp-a");

    private string RegionInspector => Token("inspector", "region:530900", "insp-r");

    private string OwnHospital => Token("hospital", $"hospital:{Hospital}", "hospital-1");

    private async Task PostClaimsAsync(params string[] claims)
    {
        using var ingest = Host.Ingest();
        using var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(claims.Length, (await posted.Content.ReadFromJsonAsync<IngestReplyView>())!.Accepted);
    }

    /// <summary>Reads until <paramref name="done"/> holds: the dispatch reaches the detector (and so the case) after the POST returns.</summary>
    private async Task<JsonElement> ReadUntilAsync(string token, string path, Func<JsonElement, bool> done)
    {
        using var client = Host.Client(token);
        var clock = Stopwatch.StartNew();
        var document = await client.GetFromJsonAsync<JsonElement>(path);
        while (!done(document) && clock.Elapsed < Patience)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            document = await client.GetFromJsonAsync<JsonElement>(path);
        }

        return document;
    }

    private async Task<JsonElement> CaseOfClaimAsync(string claimId)
    {
        var cases = await ReadUntilAsync(Host.Token("admin"), "/api/cases?limit=500",
            list => list.EnumerateArray().Any(c => c.GetProperty("claimIds").EnumerateArray().Any(id => id.GetString() == claimId)));
        return Assert.Single(cases.EnumerateArray(), c => c.GetProperty("claimIds").EnumerateArray().Any(id => id.GetString() == claimId));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ActAsync(string token, string caseId, object action)
    {
        using var client = Host.Client(token);
        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/actions", action);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<JsonElement> MovedAsync(string token, string caseId, object action)
    {
        var (status, body) = await ActAsync(token, caseId, action);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        return body;
    }

    private async Task<decimal> FundPaidAsync(string level, string id) => (await Host.FundAsync(level, id)).FundPaid;

    private async Task<decimal> FundPaidOnceSettledAsync(string level, string id, decimal expected)
    {
        var clock = Stopwatch.StartNew();
        var paid = await FundPaidAsync(level, id);
        while (paid != expected && clock.Elapsed < Patience)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            paid = await FundPaidAsync(level, id);
        }

        return paid;
    }

    // Every test's stays fall within one 60-day stretch of settlement time: the detector keeps that much of a place's
    // history, and the tests of this class share one host in any order.
    [Fact]
    public async Task A_planted_split_is_worked_to_a_recovery_that_moves_the_hospital_and_its_roll_ups_to_the_fen_and_back_on_appeal()
    {
        await using var hospitalHub = await HubListener.ConnectAsync(Host, OwnHospital);
        var (first, second) = TestSplitPairs.Pair("case-flow", Hospital, day: 60, firstPaid: 3_210.45m, secondPaid: 4_005.10m);
        await PostClaimsAsync(first, second);

        var opened = await CaseOfClaimAsync("case-flow-2");
        var caseId = opened.GetProperty("caseId").GetString()!;
        Assert.Equal(("open", Hospital, "530922", 4_005.10m),
            (opened.GetProperty("status").GetString(), opened.GetProperty("hospitalId").GetString(), opened.GetProperty("countyId").GetString(), opened.GetProperty("amountAtStake").GetDecimal()));
        var alerts = await ReadUntilAsync(Host.Token("admin"), "/api/alerts?kind=split-hospitalization&limit=1000", _ => true);
        Assert.Equal(caseId, Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("claimIds")[1].GetString() == "case-flow-2").GetProperty("caseId").GetString());
        await hospitalHub.WaitForAsync("case", n => n.GetProperty("caseId").GetString() == caseId && n.GetProperty("event").GetString() == "open");

        var before = (Hospital: await FundPaidAsync("hospital", Hospital), Alliance: await FundPaidAsync("alliance", "YX-TIGHT"), County: await FundPaidAsync("county", "530922"));
        var claimsBefore = (await Host.FundAsync("hospital", Hospital)).ClaimsCounted;

        await MovedAsync(InspectorA, caseId, new { action = "take" });
        await MovedAsync(InspectorA, caseId, new { action = "note", note = "internal: compare with the ward roster" });
        await MovedAsync(InspectorA, caseId, new { action = "ask-hospital", note = "Why was the patient readmitted three days later?" });
        await hospitalHub.WaitForAsync("case", n => n.GetProperty("caseId").GetString() == caseId && n.GetProperty("status").GetString() == "awaiting-hospital");
        await MovedAsync(OwnHospital, caseId, new { action = "answer", note = "Discharged at the family's request.", documents = new[] { "出院记录-0317.pdf" } });
        var confirmed = await MovedAsync(InspectorA, caseId, new { action = "confirm", amount = 4_005.10m, note = "second stay not justified" });
        Assert.Equal(4_005.10m, confirmed.GetProperty("recovered").GetDecimal());

        Assert.Equal(before.Hospital - 4_005.10m, await FundPaidOnceSettledAsync("hospital", Hospital, before.Hospital - 4_005.10m));
        Assert.Equal(before.Alliance - 4_005.10m, await FundPaidOnceSettledAsync("alliance", "YX-TIGHT", before.Alliance - 4_005.10m));
        Assert.Equal(before.County - 4_005.10m, await FundPaidOnceSettledAsync("county", "530922", before.County - 4_005.10m));
        Assert.Equal(claimsBefore, (await Host.FundAsync("hospital", Hospital)).ClaimsCounted);

        await MovedAsync(OwnHospital, caseId, new { action = "appeal", note = "The family's signed request is attached.", documents = new[] { "申请书.pdf" } });
        var (wrongLevel, refusal) = await ActAsync(InspectorA, caseId, new { action = "decide-appeal", outcome = "overturn", note = "own review" });
        Assert.Equal(HttpStatusCode.Conflict, wrongLevel);
        Assert.Contains("level above", refusal.GetProperty("detail").GetString());
        Assert.Equal(["note"], refusal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));

        var decided = await MovedAsync(RegionInspector, caseId, new { action = "decide-appeal", outcome = "overturn", note = "the request is signed and dated" });
        Assert.Equal(("dismissed", 0m), (decided.GetProperty("status").GetString(), decided.GetProperty("recovered").GetDecimal()));
        Assert.Equal(before.Hospital, await FundPaidOnceSettledAsync("hospital", Hospital, before.Hospital));
        Assert.Equal(before.County, await FundPaidOnceSettledAsync("county", "530922", before.County));

        Assert.Equal(["open", "take", "note", "ask-hospital", "answer", "confirm", "appeal", "decide-appeal"],
            decided.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(Enumerable.Range(1, 8), decided.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("seq").GetInt32()));
    }

    [Fact]
    public async Task A_hospital_reads_and_acts_only_on_its_own_cases_and_never_sees_internal_notes()
    {
        await using var otherHospitalHub = await HubListener.ConnectAsync(Host, Token("hospital", "hospital:H53092200002", "hospital-2"));
        var (first, second) = TestSplitPairs.Pair("case-scope", Hospital, day: 95);
        await PostClaimsAsync(first, second);
        var caseId = (await CaseOfClaimAsync("case-scope-2")).GetProperty("caseId").GetString()!;
        await MovedAsync(InspectorA, caseId, new { action = "take", note = "confidential: doctor D-17 again" });
        await MovedAsync(InspectorA, caseId, new { action = "ask-hospital", note = "Explain the readmission." });

        var otherHospital = Token("hospital", "hospital:H53092200002", "hospital-2");
        var otherCounty = Token("inspector", "county:530921", "insp-y");
        using (var client = Host.Client(otherHospital))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/cases/{caseId}")).StatusCode);
            Assert.DoesNotContain(caseId, await client.GetStringAsync("/api/cases"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(otherHospital, caseId, new { action = "answer", note = "not ours" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(otherCounty, caseId, new { action = "note", note = "not ours" })).Status);
        using (var client = Host.Client(otherCounty))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/cases/{caseId}")).StatusCode);
        }

        var (taken, refusal) = await ActAsync(OwnHospital, caseId, new { action = "confirm", amount = 1 });
        Assert.Equal(HttpStatusCode.Conflict, taken);
        Assert.Equal(["answer"], refusal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));

        using var own = Host.Client(OwnHospital);
        var text = await own.GetStringAsync($"/api/cases/{caseId}");
        Assert.DoesNotContain("confidential", text);
        Assert.DoesNotContain("insp-a", text);
        using var seen = JsonDocument.Parse(text);
        Assert.Equal(["open", "ask-hospital"], seen.RootElement.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["answer"], seen.RootElement.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        // Pushes go out in order: once the other hospital has the notice of a case of its own, opened after all of the
        // above, it would have had any notice of this case too.
        var (ownFirst, ownSecond) = TestSplitPairs.Pair("case-scope-other", "H53092200002", day: 66);
        await PostClaimsAsync(ownFirst, ownSecond);
        var itsOwn = (await CaseOfClaimAsync("case-scope-other-2")).GetProperty("caseId").GetString()!;
        await otherHospitalHub.WaitForAsync("case", n => n.GetProperty("caseId").GetString() == itsOwn);
        Assert.DoesNotContain(otherHospitalHub.Received("case"), n => n.GetProperty("caseId").GetString() == caseId);
        Assert.All(otherHospitalHub.Received("case"), n => Assert.Equal("H53092200002", n.GetProperty("hospitalId").GetString()));
    }

    [Fact]
    public async Task Reversing_a_claim_withdraws_the_open_case_resting_on_it()
    {
        var (first, second) = TestSplitPairs.Pair("case-reversed", Hospital, day: 125);
        await PostClaimsAsync(first, second);
        var caseId = (await CaseOfClaimAsync("case-reversed-2")).GetProperty("caseId").GetString()!;

        await PostClaimsAsync(TestClaims.Reversal("case-reversed-2-r", "case-reversed-2", TestSplitPairs.At(new DateOnly(2026, 5, 25))));

        var withdrawn = await ReadUntilAsync(InspectorA, $"/api/cases/{caseId}", c => c.GetProperty("status").GetString() == "withdrawn");
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        var last = withdrawn.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("withdraw", "system", "claim-reversed"),
            (last.GetProperty("action").GetString(), last.GetProperty("actor").GetString(), last.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Bad_requests_get_a_specific_problem_and_change_nothing()
    {
        var (first, second) = TestSplitPairs.Pair("case-bad", Hospital, day: 155);
        await PostClaimsAsync(first, second);
        var opened = await CaseOfClaimAsync("case-bad-2");
        var caseId = opened.GetProperty("caseId").GetString()!;
        await MovedAsync(InspectorA, caseId, new { action = "take" });
        await MovedAsync(InspectorA, caseId, new { action = "review" });

        var (overAmount, problem) = await ActAsync(InspectorA, caseId, new { action = "confirm", amount = opened.GetProperty("amountAtStake").GetDecimal() + 0.01m });
        Assert.Equal(HttpStatusCode.BadRequest, overAmount);
        Assert.Contains("at most the amount at stake", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(InspectorA, caseId, new { action = "close" })).Status);
        using (var client = Host.Client(InspectorA))
        {
            using var notJson = await client.PostAsync($"/api/cases/{caseId}/actions", TestClaims.Body("{\"action\": "));
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases?sort=cheapest")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases?cursor=nonsense")).StatusCode);
            using var again = await client.PostAsJsonAsync("/api/cases", new { alertId = opened.GetProperty("alertIds")[0].GetString() });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using (var ingest = Host.Ingest())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ingest.GetAsync("/api/cases")).StatusCode);
        }

        var after = await ReadUntilAsync(InspectorA, $"/api/cases/{caseId}", _ => true);
        Assert.Equal(("under-review", 3), (after.GetProperty("status").GetString(), after.GetProperty("history").GetArrayLength()));
    }

    [Fact]
    public async Task The_list_sorts_by_amount_and_pages_with_a_cursor()
    {
        var (a1, a2) = TestSplitPairs.Pair("case-page-a", "H53092200201", day: 76, firstPaid: 100m, secondPaid: 100m);
        var (b1, b2) = TestSplitPairs.Pair("case-page-b", "H53092200201", day: 110, firstPaid: 900m, secondPaid: 900m);
        await PostClaimsAsync(a1, a2, b1, b2);
        await CaseOfClaimAsync("case-page-a-2");
        await CaseOfClaimAsync("case-page-b-2");

        using var client = Host.Client(InspectorA);
        using var firstPage = await client.GetAsync("/api/cases?hospitalId=H53092200201&sort=amount&limit=1");
        var top = await firstPage.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(900m, Assert.Single(top.EnumerateArray()).GetProperty("amountAtStake").GetDecimal());
        var next = firstPage.Headers.GetValues("Link").Single();
        var nextPage = await client.GetFromJsonAsync<JsonElement>(next[1..next.IndexOf('>')]);
        Assert.Equal(100m, Assert.Single(nextPage.EnumerateArray()).GetProperty("amountAtStake").GetDecimal());
    }
}
