using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Alerts;

/// <summary>Budget-pace alerts from claims posted to the real host, read back through <c>GET /api/alerts</c>.</summary>
public sealed class PaceAlertTests
{
    private static async Task<List<JsonElement>> FeedAsync(RunningHost host, IReadOnlyList<string> claims, int batchSize)
    {
        using var ingest = host.Ingest();
        foreach (var batch in claims.Chunk(batchSize))
        {
            using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(batch)));
            var reply = await response.Content.ReadFromJsonAsync<IngestReplyView>();
            Assert.Equal(batch.Length, reply!.Accepted);
        }

        using var admin = host.Admin();
        return await admin.GetFromJsonAsync<List<JsonElement>>("/api/alerts?limit=1000") ?? [];
    }

    /// <summary>What an alert says, without the wall-clock time it was raised at.</summary>
    private static string Finding(JsonElement alert) => string.Join(" | ",
        alert.GetProperty("alertId").GetString(),
        alert.GetProperty("severity").GetString(),
        alert.GetProperty("asOf").GetString(),
        alert.GetProperty("message").GetProperty("zh").GetString(),
        alert.GetProperty("evidence").GetRawText());

    [Fact]
    public async Task Same_claims_fed_fast_and_slowly_raise_the_same_alerts()
    {
        var claims = PaceScenario.Claims("pace");
        await using var fastHost = await RunningHost.StartAsync(PaceScenario.Settings);
        await using var slowHost = await RunningHost.StartAsync(PaceScenario.Settings);

        var fast = await FeedAsync(fastHost, claims, batchSize: 2_500);
        var slow = await FeedAsync(slowHost, claims, batchSize: 15);

        Assert.Equal(fast.Select(Finding).Order(), slow.Select(Finding).Order());
        var transitions = fast.Select(a => $"{a.GetProperty("subject").GetProperty("id").GetString()} {a.GetProperty("kind").GetString()} {a.GetProperty("transition").GetString()} {a.GetProperty("severity").GetString()}").ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, transitions));
        Assert.Contains("H53092200001 budget-pace raised notice", transitions);
        Assert.Contains("H53092200001 budget-pace escalated critical", transitions);
        Assert.Contains("H53092200202 budget-pace eased notice", transitions);
        Assert.Contains("H53092200202 budget-pace cleared notice", transitions);
        // Few, not one per claim: a handful of transitions for 4,374 claims.
        Assert.InRange(fast.Count, 5, 40);
    }

    [Fact]
    public async Task Alerts_are_read_within_scope_and_bad_queries_refused()
    {
        await using var host = await RunningHost.StartAsync(PaceScenario.Settings);
        await FeedAsync(host, PaceScenario.Claims("scope"), batchSize: 2_500);

        using var hospital = host.Client(host.Token("hospital", "hospital:H53092200202"));
        var own = await hospital.GetFromJsonAsync<List<JsonElement>>("/api/alerts?limit=1000");
        Assert.NotEmpty(own!);
        Assert.All(own!, a => Assert.Equal("H53092200202", a.GetProperty("hospitalId").GetString()));

        using var otherCounty = host.Client(host.Token("regulator", "county:530923"));
        Assert.Empty((await otherCounty.GetFromJsonAsync<List<JsonElement>>("/api/alerts"))!);

        using var regulator = host.Client(host.Token("regulator", "county:530922"));
        var critical = await regulator.GetFromJsonAsync<List<JsonElement>>("/api/alerts?kind=budget-pace&severity=critical&limit=2");
        Assert.Equal(2, critical!.Count);
        Assert.All(critical!, a => Assert.Equal("critical", a.GetProperty("severity").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await regulator.GetAsync("/api/alerts?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await regulator.GetAsync("/api/alerts?since=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await regulator.GetAsync("/api/alerts?severity=loud")).StatusCode);
    }

    [Fact]
    public async Task Fund_snapshot_carries_pace_and_the_year_end_preview()
    {
        await using var host = await RunningHost.StartAsync(PaceScenario.Settings);
        await FeedAsync(host, PaceScenario.Claims("snapshot"), batchSize: 2_500);
        using var admin = host.Admin();

        var hospital = await admin.GetFromJsonAsync<JsonElement>("/api/funds/hospital/H53092200001");
        var loose = await admin.GetFromJsonAsync<JsonElement>("/api/funds/hospital/H53092200202");

        Assert.True(hospital.GetProperty("usedShare").GetDecimal() > hospital.GetProperty("timeShare").GetDecimal());
        Assert.True(hospital.GetProperty("projectedYearEnd").GetDecimal() > hospital.GetProperty("annualBudget").GetDecimal());
        Assert.True(hospital.GetProperty("yearEnd").GetProperty("overrunBorne").GetDecimal() > 0);
        var yearEnd = loose.GetProperty("yearEnd");
        Assert.True(yearEnd.GetProperty("balance").GetDecimal() > 0, "the frugal hospital ends in surplus");
        Assert.Equal(0.5m, yearEnd.GetProperty("surplusShareRetained").GetDecimal());
        Assert.Equal(decimal.Round(yearEnd.GetProperty("balance").GetDecimal() * 0.5m, 2), yearEnd.GetProperty("retained").GetDecimal());
    }
}
