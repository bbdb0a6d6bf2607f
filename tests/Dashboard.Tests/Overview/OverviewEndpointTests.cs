using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Dashboard.Tests.Overview;

/// <summary><c>GET /api/overview</c> against the real host: ranked by risk, alerts counted, and cut to the caller's scope.</summary>
public sealed class OverviewEndpointTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Region_regulator_gets_counties_ranked_worst_first_with_their_standing_alerts_counted()
    {
        var registry = ThreeCounties.WriteRegistry();
        await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}");
        File.Delete(registry); // put in force at start-up; nothing reads the file again
        await PostAsync(host, ThreeCounties.FirstQuarter());
        using var regulator = host.Client(host.Token("regulator", $"region:{ThreeCounties.Region}"));

        var overview = await UntilAsync(regulator, doc => CountyIds(doc).FirstOrDefault() == ThreeCounties.Yi && Level(doc, ThreeCounties.Bing) == "notice");

        Assert.Equal([ThreeCounties.Yi, ThreeCounties.Bing, ThreeCounties.Jia], CountyIds(overview));
        Assert.Equal("warning", Level(overview, ThreeCounties.Yi));
        Assert.Equal("none", Level(overview, ThreeCounties.Jia));
        var yi = County(overview, ThreeCounties.Yi);
        var gap = yi.GetProperty("fund").GetProperty("gapPoints").GetDecimal();
        Assert.InRange(gap, 14m, 16m); // 40% spent against 90 ÷ 365 of the year
        var tally = Assert.Single(yi.GetProperty("alerts").EnumerateArray(), t => t.GetProperty("kind").GetString() == "budget-pace" && t.GetProperty("severity").GetString() == "warning");
        Assert.True(tally.GetProperty("open").GetInt32() >= 1);
        Assert.Empty(County(overview, ThreeCounties.Jia).GetProperty("alerts").EnumerateArray());
        // Every fund at notice or worse is a problem: the three accounts of 乙县 (county, alliance, hospital) and two of 丙县.
        Assert.Equal(5, overview.GetProperty("problems").GetInt32());
        var march = yi.GetProperty("fund").GetProperty("months")[2];
        Assert.Equal("2026-03", march.GetProperty("month").GetString());
        Assert.Equal(march.GetProperty("planned").GetDecimal(), march.GetProperty("plannedToDate").GetDecimal());
        Assert.Equal(JsonValueKind.Null, yi.GetProperty("fund").GetProperty("months")[4].GetProperty("plannedToDate").ValueKind);
    }

    [Fact]
    public async Task County_regulator_sees_its_county_alone_and_a_hospital_its_hospital_alone()
    {
        var registry = ThreeCounties.WriteRegistry();
        await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}");
        File.Delete(registry); // put in force at start-up; nothing reads the file again
        await PostAsync(host, ThreeCounties.FirstQuarter());

        using (var admin = host.Admin())
        {
            // Settled: every account judged through 31 March.
            await UntilAsync(admin, doc => Level(doc, ThreeCounties.Yi) == "warning" && Level(doc, ThreeCounties.Bing) == "notice"
                && County(doc, ThreeCounties.Yi).GetProperty("alliances")[0].GetProperty("hospitals")[0].GetProperty("paceLevel").GetString() == "warning");
        }

        using var county = host.Client(host.Token("regulator", $"county:{ThreeCounties.Jia}"));
        var ownCounty = await UntilAsync(county, doc => County(doc, ThreeCounties.Jia).GetProperty("fund").GetProperty("paceLevel").GetString() is not null);
        Assert.Equal([ThreeCounties.Jia], CountyIds(ownCounty));

        using var hospital = host.Client(host.Token("hospital", $"hospital:{ThreeCounties.YiHospital}"));
        var mine = await hospital.GetFromJsonAsync<JsonElement>("/api/overview");
        var yi = Assert.Single(mine.GetProperty("regions")[0].GetProperty("counties").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, yi.GetProperty("fund").ValueKind);
        var alliance = Assert.Single(yi.GetProperty("alliances").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, alliance.GetProperty("fund").ValueKind);
        Assert.Equal(ThreeCounties.YiHospital, Assert.Single(alliance.GetProperty("hospitals").EnumerateArray()).GetProperty("id").GetString());
        // Its own alerts only: the county's and the alliance's budget alerts are not the hospital's to count.
        var counted = yi.GetProperty("alerts").EnumerateArray().Sum(t => t.GetProperty("open").GetInt32() + t.GetProperty("acknowledged").GetInt32());
        var own = (await hospital.GetFromJsonAsync<JsonElement>("/api/alerts?status=open&limit=1000")).GetArrayLength()
            + (await hospital.GetFromJsonAsync<JsonElement>("/api/alerts?status=acknowledged&limit=1000")).GetArrayLength();
        Assert.True(counted > 0);
        Assert.Equal(own, counted);
        using var yiRegulator = host.Client(host.Token("regulator", $"county:{ThreeCounties.Yi}"));
        var whole = County(await yiRegulator.GetFromJsonAsync<JsonElement>("/api/overview"), ThreeCounties.Yi).GetProperty("alerts").EnumerateArray()
            .Sum(t => t.GetProperty("open").GetInt32() + t.GetProperty("acknowledged").GetInt32());
        Assert.True(whole > counted, $"the county's regulator counts the county's and alliance's alerts too ({whole} against {counted})");

        using var anonymous = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/overview")).StatusCode);
        using var ingest = host.Ingest();
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.GetAsync("/api/overview")).StatusCode);
    }

    [Fact]
    public async Task A_fund_read_carries_its_spend_by_settlement_day()
    {
        await using var host = await RunningHost.StartAsync();
        const string hospital = "H53092200001";
        await PostAsync(host, [
            TestClaims.Settlement("day-1", hospital, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 3, 9), 1_000m, 1_500m),
            TestClaims.Settlement("day-2", hospital, new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 3, 9), 500m, 700m, "P-2"),
            TestClaims.Settlement("day-3", hospital, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 3, 19), 2_000m, 3_000m, "P-3"),
        ]);
        using var admin = host.Admin();

        var fund = await admin.GetFromJsonAsync<JsonElement>($"/api/funds/hospital/{hospital}");

        var daily = fund.GetProperty("daily").EnumerateArray()
            .Select(d => (d.GetProperty("day").GetString(), d.GetProperty("fundPaid").GetDecimal(), d.GetProperty("settlements").GetInt32())).ToList();
        Assert.Equal([("2026-03-10", 1_500m, 2), ("2026-03-20", 2_000m, 1)], daily);
    }

    private static async Task PostAsync(RunningHost host, IReadOnlyList<string> claims)
    {
        using var ingest = host.Ingest();
        using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Reads the overview until it shows what the claims lead to (pace is judged as each county's day passes).</summary>
    private static async Task<JsonElement> UntilAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var last = default(JsonElement);
        while (!timeout.IsCancellationRequested)
        {
            last = await client.GetFromJsonAsync<JsonElement>("/api/overview", timeout.Token);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        throw new TimeoutException($"the overview never showed the expected state within {Wait}: {last}");
    }

    internal static List<string?> CountyIds(JsonElement doc) =>
        [.. doc.GetProperty("regions").EnumerateArray().SelectMany(r => r.GetProperty("counties").EnumerateArray()).Select(c => c.GetProperty("countyId").GetString())];

    internal static JsonElement County(JsonElement doc, string id) =>
        doc.GetProperty("regions").EnumerateArray().SelectMany(r => r.GetProperty("counties").EnumerateArray()).Single(c => c.GetProperty("countyId").GetString() == id);

    private static string? Level(JsonElement doc, string countyId) =>
        County(doc, countyId).GetProperty("fund") is { ValueKind: JsonValueKind.Object } f ? f.GetProperty("paceLevel").GetString() : null;
}
