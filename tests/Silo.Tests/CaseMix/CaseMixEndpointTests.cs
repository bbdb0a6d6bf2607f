using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.CaseMix;

/// <summary><c>GET /api/casemix/{level}/{id}</c> and <c>/api/casemix/ranking</c> against the real embedded host: scope, errors, live figures.</summary>
public sealed class CaseMixEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private RunningHost Host => fixture.Host;

    private async Task<HttpResponseMessage> GetAsync(string token, string path)
    {
        using var client = Host.Client(token);
        return await client.GetAsync(path, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Hospital_reads_its_own_indicators_but_not_another_hospitals_and_unknown_is_404()
    {
        var own = Host.Token("hospital", "hospital:H53092200202");

        using var mine = await GetAsync(own, "/api/casemix/hospital/H53092200202");
        using var other = await GetAsync(own, "/api/casemix/hospital/H53092200001");
        using var county = await GetAsync(own, "/api/casemix/county/530922");
        using var unknown = await GetAsync(Host.Token("admin"), "/api/casemix/hospital/H00000000000");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Unknown_level_or_sort_is_a_problem_that_names_what_is_allowed()
    {
        var admin = Host.Token("admin");

        using var level = await GetAsync(admin, "/api/casemix/doctor/D1");
        using var sort = await GetAsync(admin, "/api/casemix/ranking?sort=profit");

        Assert.Equal(HttpStatusCode.BadRequest, level.StatusCode);
        Assert.Equal("application/problem+json", level.Content.Headers.ContentType?.MediaType);
        Assert.Contains("county, alliance, hospital", await level.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sort.StatusCode);
        Assert.Contains("heavyShare", await sort.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settled_cases_show_in_the_hospital_s_indicators_by_month_with_ungrouped_cases_lowering_the_grouping_rate()
    {
        const string hospital = "H53092200201";
        var at = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8));
        var grouped = Enumerable.Range(0, 9).Select(i => TestClaims.Settlement($"cm-{i}", hospital, at.AddMinutes(i), new DateOnly(2026, 3, 15), 4_000m, 6_000m, $"P-cm{i}"));
        var ungrouped = TestClaims.Settlement("cm-ungrouped", hospital, at.AddMinutes(30), new DateOnly(2026, 3, 15), 1_000m, 2_000m, "P-cmu")
            .Replace("\"drgCode\":\"ES23\",\"drgWeight\":0.92,\"paymentMethod\":\"drg\"", "\"drgCode\":null,\"drgWeight\":null,\"paymentMethod\":\"fee-for-service\"", StringComparison.Ordinal);
        using (var ingest = Host.Ingest())
        using (var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([.. grouped, ungrouped])), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        // Watches report to the region on a timer: read until the figures arrive.
        var own = Host.Token("hospital", $"hospital:{hospital}");
        using var client = Host.Client(own);
        var clock = Stopwatch.StartNew();
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/casemix/hospital/{hospital}", TestContext.Current.CancellationToken);
        while (report.GetProperty("yearToDate").GetProperty("cases").GetInt64() < 10 && clock.Elapsed < Patience)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            report = await client.GetFromJsonAsync<JsonElement>($"/api/casemix/hospital/{hospital}", TestContext.Current.CancellationToken);
        }

        var ytd = report.GetProperty("yearToDate");
        Assert.Equal(10, ytd.GetProperty("cases").GetInt64());
        Assert.Equal(0.9, ytd.GetProperty("groupingRate").GetDouble(), 9);
        Assert.Equal(0.92, ytd.GetProperty("cmi").GetDouble(), 9);
        Assert.Equal(1.0, ytd.GetProperty("heavyShare").GetDouble(), 9);
        Assert.Equal(36_000.0 / 37_000.0, ytd.GetProperty("drgFundShare").GetDouble(), 9);
        var month = Assert.Single(report.GetProperty("months").EnumerateArray());
        Assert.Equal(3, month.GetProperty("month").GetInt32());

        // The hospital's own ranking holds itself alone: the server decides what it may see.
        var ranking = await client.GetFromJsonAsync<JsonElement>("/api/casemix/ranking", TestContext.Current.CancellationToken);
        var row = Assert.Single(ranking.EnumerateArray());
        Assert.Equal(hospital, row.GetProperty("hospitalId").GetString());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Hospital_reads_its_own_peer_percentiles_by_target_area_and_month_but_not_another_hospitals()
    {
        const string hospital = "H53092200202";
        var at = new DateTimeOffset(2026, 4, 14, 10, 0, 0, TimeSpan.FromHours(8));
        var discharge = new DateOnly(2026, 4, 13);
        // Twelve one-day stays coded ES23 (severity 3): short stays and heavy cases alike, at least the minimum count.
        var claims = Enumerable.Range(0, 12).Select(i => TestClaims.Settlement($"pp-{i}", hospital, at.AddMinutes(i), discharge, 3_000m, 4_000m, $"P-pp{i}")
            .Replace($"\"admissionDate\":\"{discharge.AddDays(-5):yyyy-MM-dd}\"", $"\"admissionDate\":\"{discharge.AddDays(-1):yyyy-MM-dd}\"", StringComparison.Ordinal));
        using (var ingest = Host.Ingest())
        using (var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var own = Host.Token("hospital", $"hospital:{hospital}");
        using var client = Host.Client(own);
        JsonElement ShortStayApril(JsonElement report) => report.GetProperty("areas").EnumerateArray()
            .Single(a => a.GetProperty("area").GetString() == "short-stay").GetProperty("months").EnumerateArray()
            .FirstOrDefault(m => m.GetProperty("month").GetInt32() == 4);
        var path = $"/api/casemix/hospital/{hospital}/percentiles";
        var clock = Stopwatch.StartNew();
        var report = await client.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);
        while (ShortStayApril(report).ValueKind == JsonValueKind.Undefined && clock.Elapsed < Patience)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            report = await client.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["readmission-rate", "short-stay", "heavy-share"], report.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("area").GetString()));
        var april = ShortStayApril(report).GetProperty("standing");
        Assert.Equal(12, april.GetProperty("numerator").GetInt64());
        Assert.Equal(12, april.GetProperty("denominator").GetInt64());
        Assert.Equal(1.0, april.GetProperty("rate").GetDouble(), 9);
        Assert.False(april.GetProperty("suppressed").GetBoolean());
        Assert.Equal(80, report.GetProperty("flagPercentile").GetDouble());
        Assert.Equal(11, report.GetProperty("minCount").GetInt32());

        using var other = await GetAsync(own, "/api/casemix/hospital/H53092200001/percentiles");
        using var unknown = await GetAsync(Host.Token("admin"), "/api/casemix/hospital/H00000000000/percentiles");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
