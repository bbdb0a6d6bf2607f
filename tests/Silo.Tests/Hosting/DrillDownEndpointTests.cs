using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>The drill-down over HTTP on the real host: the server decides whose claims a caller reads.</summary>
public sealed class DrillDownEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Own = "H53092200001";
    private const string Other = "H53092200002";

    private RunningHost Host => fixture.Host;

    private async Task PostYearAsync()
    {
        using var ingest = Host.Ingest();
        using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TestClaims.Settlements("drill", 600, seed: 15))));
        reply.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Hospital_reads_its_own_drill_down_and_its_claims_but_never_another_hospitals()
    {
        await PostYearAsync();
        using var hospital = Host.Client(Host.Token("hospital", $"hospital:{Own}"));

        var report = await GetJsonAsync(hospital, $"/api/drilldown/hospital/{Own}?by=drg&month=2026-01");
        var row = report.GetProperty("rows")[0];
        Assert.Equal("ES23", row.GetProperty("key").GetString());
        Assert.True(row.GetProperty("figures").GetProperty("cases").GetInt64() > 0);
        var page = await GetJsonAsync(hospital, $"/api/drilldown/hospital/{Own}/claims?by=drg&key=ES23&month=2026-01&limit=200");
        var claims = page.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(row.GetProperty("figures").GetProperty("cases").GetInt64(), claims.Count);
        Assert.All(claims, c => Assert.Equal(Own, c.GetProperty("hospitalId").GetString()));

        using var forbidden = await hospital.GetAsync($"/api/drilldown/hospital/{Other}/claims?by=drg&key=ES23");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var county = await hospital.GetAsync("/api/drilldown/county/530922?by=doctor");
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
    }

    [Fact]
    public async Task County_drill_down_by_month_sums_to_what_its_hospitals_list()
    {
        await PostYearAsync();
        using var regulator = Host.Client(Host.Token("regulator", "county:530922"));

        var byMonth = await GetJsonAsync(regulator, "/api/drilldown/county/530922?by=month");
        var january = byMonth.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("key").GetString() == "2026-01");
        var fundPaid = 0m;
        var pages = 0;
        for (int? offset = 0; offset is { } at; pages++)
        {
            var page = await GetJsonAsync(regulator, $"/api/drilldown/county/530922/claims?by=month&key=2026-01&limit=200&offset={at}");
            fundPaid += page.GetProperty("claims").EnumerateArray().Sum(c => c.GetProperty("fundPaid").GetDecimal());
            offset = page.GetProperty("nextOffset") is { ValueKind: JsonValueKind.Number } next ? next.GetInt32() : null;
        }

        Assert.Equal(january.GetProperty("figures").GetProperty("fundPaid").GetDecimal(), fundPaid);
        Assert.Equal(3, pages);                                       // 600 claims in January, 200 a page
    }

    [Theory]
    [InlineData("/api/drilldown/hospital/H53092200001?by=ward", "by \"ward\"")]
    [InlineData("/api/drilldown/hospital/H53092200001?month=2025-12", "month \"2025-12\"")]
    [InlineData("/api/drilldown/hospital/H53092200001/claims?by=drg", "key is required")]
    [InlineData("/api/drilldown/hospital/H53092200001/claims?key=ES23&limit=0", "limit \"0\"")]
    public async Task Bad_query_gets_a_problem_that_names_the_parameter(string path, string names)
    {
        using var admin = Host.Admin();
        using var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(names, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openapi_document_describes_the_drill_down_and_the_reference_page_is_served()
    {
        using var anonymous = Host.Client();
        var document = await GetJsonAsync(anonymous, "/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/drilldown/{level}/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/claims", out _));
        using var reference = await anonymous.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }
}
