using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Demo;
using Monitoring.Silo.Tests.Push;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Rules;

/// <summary>
/// 回溯测试 against the real embedded host: a shorter readmission window tried over the ledger finds fewer split pairs
/// than the rules in force, and the live alerts, cases, balances and pushes are exactly as before (compared).
/// </summary>
public sealed class BacktestEndpointTests : IAsyncLifetime
{
    private const string Split = "/api/rules/split-hospitalization";
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Two stays of one patient, the second admitted <paramref name="gapDays"/> after the first discharge.</summary>
    private static string[] Readmission(string prefix, string hospital, int dayOfYear, int gapDays)
    {
        var firstDischarge = new DateOnly(2026, 1, 1).AddDays(dayOfYear - 1);
        var secondDischarge = firstDischarge.AddDays(gapDays + 5); // TestClaims admits 5 days before discharge
        return
        [
            TestClaims.Settlement($"{prefix}-1", hospital, TestSplitPairs.At(firstDischarge.AddDays(1)), firstDischarge, 4_000m, 6_000m, $"P-{prefix}"),
            TestClaims.Settlement($"{prefix}-2", hospital, TestSplitPairs.At(secondDischarge.AddDays(1)), secondDischarge, 4_200m, 6_300m, $"P-{prefix}"),
        ];
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string token, string path, object body)
    {
        using var client = _host.Client(token);
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private async Task<string> ReadAsync(string path)
    {
        using var admin = _host.Admin();
        return await admin.GetStringAsync(path);
    }

    /// <summary>What the live system shows: every alert with its status, every case, every account of the county.</summary>
    private async Task<string[]> LiveStateAsync() =>
    [
        await ReadAsync("/api/alerts?limit=500"),
        await ReadAsync("/api/cases?limit=500"),
        await ReadAsync("/api/funds/county/530922"),
        await ReadAsync("/api/funds/alliance/YX-TIGHT"),
        .. await Task.WhenAll(TestClaims.ExampleHospitals.Select(h => ReadAsync($"/api/funds/hospital/{h}"))),
    ];

    private async Task<int> SplitPairAlertsAsync()
    {
        var alerts = JsonDocument.Parse(await ReadAsync("/api/alerts?kind=split-hospitalization&limit=500")).RootElement;
        return alerts.EnumerateArray().Count(a => a.GetProperty("alertId").GetString()!.Contains("/pair/", StringComparison.Ordinal));
    }

    private Task<JsonElement> WaitUntilDoneAsync(string token, string backtestId) => WaitUntilDoneAsync(_host, token, backtestId);

    private static async Task<JsonElement> WaitUntilDoneAsync(RunningHost host, string token, string backtestId)
    {
        using var client = host.Client(token);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var report = await client.GetFromJsonAsync<JsonElement>($"/api/backtests/{backtestId}");
            var progress = report.GetProperty("progress").GetDouble();
            Assert.InRange(progress, 0, 1);
            if (report.GetProperty("status").GetString() != "running")
            {
                return report;
            }

            Assert.True(DateTime.UtcNow < deadline, $"backtest {backtestId} still running after 60 s at {progress:P0}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_shorter_window_finds_fewer_pairs_than_live_and_leaves_alerts_cases_balances_and_pushes_as_they_were()
    {
        // Live: three readmissions in 云县, one 3 days after discharge, two 10 days after; the seeded 15-day window alerts on all three.
        string[] claims = [.. Readmission("bt-short", "H53092200202", 20, 3), .. Readmission("bt-ten", "H53092200201", 30, 10), .. Readmission("bt-alliance", "H53092200001", 40, 10)];
        using (var ingest = _host.Ingest())
        {
            Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)))).StatusCode);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await SplitPairAlertsAsync() < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "the three live split pairs were not alerted");
            await Task.Delay(100);
        }

        var regulator = _host.Token("regulator", "county:530922");
        await using var hub = await HubListener.ConnectAsync(_host, _host.Token("regulator", "region:530900"));
        await Task.Delay(500); // let the fund statuses of the ingest go by
        var before = await LiveStateAsync();
        var pushedBefore = hub.Received("alert").Count + hub.Received("fund").Count + hub.Received("case").Count;

        var (drafted, draft, _) = await PostAsync(regulator, $"{Split}/drafts", new
        {
            scope = "county:530922", effectiveFrom = "2026-01-01", parameters = new Dictionary<string, decimal> { ["windowDays"] = 7 }, reason = "try a week",
        });
        Assert.Equal(HttpStatusCode.Created, drafted);
        var version = draft.GetProperty("version").GetInt32();

        var (started, body, response) = await PostAsync(regulator, "/api/backtests", new { ruleId = "split-hospitalization", version, from = "2026-01-01", to = "2026-06-30" });
        Assert.True(started == HttpStatusCode.Accepted, body.ToString());
        var backtestId = body.GetProperty("backtestId").GetString()!;
        Assert.Equal($"/api/backtests/{backtestId}", response.Headers.Location?.ToString());
        var report = await WaitUntilDoneAsync(regulator, backtestId);

        Assert.Equal("done", report.GetProperty("status").GetString());
        Assert.Equal(1.0, report.GetProperty("progress").GetDouble());
        Assert.Equal(claims.Length, report.GetProperty("claimsRead").GetInt64());
        var total = report.GetProperty("total");
        Assert.Equal((0, 2, 1), (total.GetProperty("added").GetInt32(), total.GetProperty("removed").GetInt32(), total.GetProperty("unchanged").GetInt32()));
        var hospitals = report.GetProperty("byHospital").EnumerateArray().ToDictionary(h => h.GetProperty("key").GetString()!, h => h.GetProperty("removed").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["H53092200001"] = 1, ["H53092200201"] = 1, ["H53092200202"] = 0 }, hospitals);
        Assert.Equal("云县", report.GetProperty("byCounty").EnumerateArray().Single().GetProperty("name").GetString());
        var removed = report.GetProperty("examples").EnumerateArray().Where(e => e.GetProperty("change").GetString() == "removed").ToArray();
        Assert.Equal(["bt-alliance-1", "bt-ten-1"], removed.Select(e => e.GetProperty("firstClaimId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(removed, e => Assert.Equal(10, e.GetProperty("intervalDays").GetInt32()));

        // Isolation: nothing live moved, and no client was told anything.
        await Task.Delay(1_000);
        Assert.Equal(before, await LiveStateAsync());
        Assert.Equal(pushedBefore, hub.Received("alert").Count + hub.Received("fund").Count + hub.Received("case").Count);
        Assert.Equal(3, await SplitPairAlertsAsync());
    }

    [Fact]
    public async Task Over_a_demo_year_a_shorter_window_removes_pairs_and_its_side_of_the_rules_in_force_is_the_live_alerts()
    {
        const int seed = 2026;
        var scenario = DemoPrefecture.Plan(seed, 2025);
        var registry = Path.Combine(Path.GetTempPath(), $"backtest-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact));
        try
        {
            await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}");
            var claims = new DemoClaimStream(scenario, seed, 20_000).Claims().ToList();
            using (var ingest = host.Ingest())
            {
                foreach (var chunk in claims.Chunk(5_000))
                {
                    var body = TestClaims.Ndjson(chunk.Select(c => c.ToJsonString(DemoJson.Compact)));
                    Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/claims", TestClaims.Body(body, "application/x-ndjson"))).StatusCode);
                }
            }

            using var admin = host.Admin();
            async Task<string[]> StandingPairsAsync()
            {
                var alerts = await admin.GetFromJsonAsync<JsonElement>("/api/alerts?kind=split-hospitalization&limit=1000");
                Assert.True(alerts.GetArrayLength() < 1000, "more split alerts than one page");
                return [.. alerts.EnumerateArray()
                    .Where(a => a.GetProperty("alertId").GetString()!.Contains("/pair/", StringComparison.Ordinal) && a.GetProperty("status").GetString() != "withdrawn")
                    .Select(a => a.GetProperty("alertId").GetString()!).Order(StringComparer.Ordinal)];
            }

            // The watches judge after the reply: the live alerts are read once they stop changing.
            var live = await StandingPairsAsync();
            for (var still = 0; still < 5; await Task.Delay(200))
            {
                var now = await StandingPairsAsync();
                still = now.SequenceEqual(live) ? still + 1 : 0;
                live = now;
            }

            var before = await admin.GetStringAsync("/api/alerts?limit=1000") + await admin.GetStringAsync("/api/cases?limit=500") + await admin.GetStringAsync($"/api/funds/county/{scenario.Registry.Regions[0].Counties[0].CountyId}");
            using var drafted = await admin.PostAsJsonAsync("/api/rules/split-hospitalization/drafts", new
            {
                scope = $"region:{DemoPrefecture.RegionId}", effectiveFrom = "2025-01-01", parameters = new Dictionary<string, decimal> { ["windowDays"] = 7 }, reason = "a week",
            });
            var version = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
            using var started = await admin.PostAsJsonAsync("/api/backtests", new { ruleId = "split-hospitalization", version, from = "2025-01-01", to = "2025-12-31" });
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("backtestId").GetString()!;
            var report = await WaitUntilDoneAsync(host, host.Token("admin"), id);

            Assert.Equal("done", report.GetProperty("status").GetString());
            var total = report.GetProperty("total");
            var (added, removed, unchanged) = (total.GetProperty("added").GetInt32(), total.GetProperty("removed").GetInt32(), total.GetProperty("unchanged").GetInt32());
            Assert.True(live.Length > 20, $"only {live.Length} live pairs in the demo year");
            Assert.Equal(live.Length, removed + unchanged);
            Assert.True(removed > 0 && added == 0, $"a 7-day window added {added} and removed {removed} of {live.Length}");
            Assert.Equal(before, await admin.GetStringAsync("/api/alerts?limit=1000") + await admin.GetStringAsync("/api/cases?limit=500") + await admin.GetStringAsync($"/api/funds/county/{scenario.Registry.Regions[0].Counties[0].CountyId}"));

            // The budget pace: a 3-point notice gap tried over the year to the day before its last settlement day (the
            // last is not judged live until a later claim ends it). Its side of the rules in force is the live alerts.
            var lastDay = claims.Max(c => DateTimeOffset.Parse(c["settledAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).Date);
            var to = DateOnly.FromDateTime(lastDay).AddDays(-1);
            var livePace = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?kind=budget-pace&limit=1000")).EnumerateArray()
                .Count(a => DateOnly.FromDateTime(a.GetProperty("asOf").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Date) <= to);
            using var paceDraft = await admin.PostAsJsonAsync("/api/rules/budget-pace/drafts", new
            {
                scope = $"region:{DemoPrefecture.RegionId}", effectiveFrom = "2025-01-01", parameters = new Dictionary<string, decimal> { ["noticeGapPoints"] = 3 }, reason = "earlier notice",
            });
            Assert.Equal(HttpStatusCode.Created, paceDraft.StatusCode);
            var paceVersion = (await paceDraft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
            using var paceStarted = await admin.PostAsJsonAsync("/api/backtests", new { ruleId = "budget-pace", version = paceVersion, from = "2025-01-01", to = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Accepted, paceStarted.StatusCode);
            var paceId = (await paceStarted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("backtestId").GetString()!;
            var pace = await WaitUntilDoneAsync(host, host.Token("admin"), paceId);
            var paceTotal = pace.GetProperty("total");
            Assert.True(livePace > 10, $"only {livePace} live budget-pace alerts in the demo year");
            Assert.Equal(livePace, paceTotal.GetProperty("removed").GetInt32() + paceTotal.GetProperty("unchanged").GetInt32());
            Assert.True(paceTotal.GetProperty("added").GetInt32() > 0, $"an earlier notice added nothing: {paceTotal}");
            var example = pace.GetProperty("examples").EnumerateArray().First(e => e.GetProperty("change").GetString() == "added");
            Assert.Equal("budget-pace", example.GetProperty("kind").GetString());
            Assert.False(example.TryGetProperty("firstClaimId", out _));
            Assert.True(example.GetProperty("accountName").GetString()!.Length > 0);
            Assert.True(pace.GetProperty("byFund").GetArrayLength() > 0);
            Assert.Equal(before, await admin.GetStringAsync("/api/alerts?limit=1000") + await admin.GetStringAsync("/api/cases?limit=500") + await admin.GetStringAsync($"/api/funds/county/{scenario.Registry.Regions[0].Counties[0].CountyId}"));
        }
        finally
        {
            File.Delete(registry);
        }
    }

    [Fact]
    public async Task Only_admin_and_the_regulator_of_the_drafts_scope_start_or_read_a_backtest()
    {
        var own = _host.Token("regulator", "county:530922");
        var (_, draft, _) = await PostAsync(own, $"{Split}/drafts", new
        {
            scope = "county:530922", effectiveFrom = "2026-01-01", parameters = new Dictionary<string, decimal> { ["windowDays"] = 10 }, reason = "scope",
        });
        var request = new { ruleId = "split-hospitalization", version = draft.GetProperty("version").GetInt32(), from = "2026-01-01", to = "2026-01-31" };

        foreach (var (role, scope) in new[] { ("regulator", "county:530926"), ("hospital", "hospital:H53092200001"), ("inspector", "county:530922") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_host.Token(role, scope), "/api/backtests", request)).Status);
        }

        var (started, body, _) = await PostAsync(own, "/api/backtests", request);
        Assert.Equal(HttpStatusCode.Accepted, started);
        var path = $"/api/backtests/{body.GetProperty("backtestId").GetString()}";
        foreach (var (role, scope) in new[] { ("regulator", "county:530926"), ("hospital", "hospital:H53092200001") })
        {
            using var other = _host.Client(_host.Token(role, scope));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(path)).StatusCode);
        }

        using var region = _host.Client(_host.Token("regulator", "region:530900"));
        Assert.Equal(HttpStatusCode.OK, (await region.GetAsync(path)).StatusCode);
        using var admin = _host.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/backtests/bt-none")).StatusCode);
    }

    [Fact]
    public async Task A_bad_request_is_400_naming_each_field_and_starts_nothing()
    {
        var admin = _host.Token("admin");
        var (_, draft, _) = await PostAsync(admin, $"{Split}/drafts", new
        {
            scope = "county:530922", effectiveFrom = "2026-01-01", parameters = new Dictionary<string, decimal> { ["windowDays"] = 9 }, reason = "bad input",
        });
        var version = draft.GetProperty("version").GetInt32();

        async Task<string[]> FieldsAsync(object request)
        {
            var (status, body, _) = await PostAsync(admin, "/api/backtests", request);
            Assert.True(status == HttpStatusCode.BadRequest, body.ToString());
            return [.. body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["from", "ruleId", "to", "version"], await FieldsAsync(new { }));
        Assert.Equal(["to"], await FieldsAsync(new { ruleId = "split-hospitalization", version, from = "2026-03-01", to = "2026-02-01" }));
        Assert.Equal(["to"], await FieldsAsync(new { ruleId = "split-hospitalization", version, from = "2024-01-01", to = "2026-02-01" }));
        Assert.Equal(["version"], await FieldsAsync(new { ruleId = "split-hospitalization", version = 1, from = "2026-01-01", to = "2026-02-01" }));
        var (_, upcoding, _) = await PostAsync(admin, "/api/rules/upcoding/drafts", new { scope = "county:530922", effectiveFrom = "2026-01-01", parameters = new Dictionary<string, decimal>(), reason = "not yet" });
        Assert.Equal(["ruleId"], await FieldsAsync(new { ruleId = "upcoding", version = upcoding.GetProperty("version").GetInt32(), from = "2026-01-01", to = "2026-02-01" }));
        var (_, pace, _) = await PostAsync(admin, "/api/rules/budget-pace/drafts", new { scope = "county:530922", effectiveFrom = "2025-01-01", parameters = new Dictionary<string, decimal> { ["noticeGapPoints"] = 4 }, reason = "one year" });
        Assert.Equal(["to"], await FieldsAsync(new { ruleId = "budget-pace", version = pace.GetProperty("version").GetInt32(), from = "2025-12-01", to = "2026-01-31" }));
        var (quoted, _, _) = await PostAsync(admin, "/api/backtests", new { ruleId = "split-hospitalization", version = version.ToString(System.Globalization.CultureInfo.InvariantCulture), from = "2026-01-01", to = "2026-02-01" });
        Assert.Equal(HttpStatusCode.BadRequest, quoted);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, "/api/backtests", new { ruleId = "split-hospitalization", version = 999, from = "2026-01-01", to = "2026-02-01" })).Status);
    }
}
