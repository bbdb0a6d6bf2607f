using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Rules;

/// <summary>The rule library's API against the real embedded host: drafts validated, scope decides who drafts, publishes and reads drafts.</summary>
public sealed class RulesEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Split = "/api/rules/split-hospitalization";

    private RunningHost Host => fixture.Host;

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string token, string path, object body)
    {
        using var client = Host.Client(token);
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static object Draft(string scope, int windowDays) =>
        new { scope, effectiveFrom = "2026-12-01", parameters = new Dictionary<string, decimal> { ["windowDays"] = windowDays }, reason = "county policy" };

    private async Task<int> DraftAsync(string token, string scope)
    {
        var (status, body) = await PostAsync(token, $"{Split}/drafts", Draft(scope, 7));
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task County_regulator_drafts_for_its_county_but_not_for_another_county_or_the_region()
    {
        var county = Host.Token("regulator", "county:530922");

        await DraftAsync(county, "county:530922");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(county, $"{Split}/drafts", Draft("county:530926", 7))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(county, $"{Split}/drafts", Draft("region:530900", 7))).Status);
    }

    [Fact]
    public async Task County_regulator_cannot_publish_a_draft_for_another_county_or_the_region_but_may_for_its_own()
    {
        var region = Host.Token("admin");
        var other = await DraftAsync(region, "county:530926");
        var regional = await DraftAsync(region, "region:530900");
        var own = await DraftAsync(region, "county:530922");
        var county = Host.Token("regulator", "county:530922");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(county, $"{Split}/versions/{other}/publish", new { reason = "no" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(county, $"{Split}/versions/{regional}/publish", new { reason = "no" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(county, $"{Split}/versions/{own}/publish", new { reason = "ours" })).Status);

        using var client = Host.Client(county);
        var rule = await client.GetFromJsonAsync<JsonElement>(Split);
        var published = rule.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == own);
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal(7, published.GetProperty("parameters").GetProperty("windowDays").GetDecimal());
    }

    [Fact]
    public async Task A_published_county_version_is_retired_by_its_regulator_only_and_the_seeded_default_never()
    {
        var county = Host.Token("regulator", "county:530922");
        var version = await DraftAsync(county, "county:530922");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(county, $"{Split}/versions/{version}/publish", new { reason = "in force" })).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Host.Token("regulator", "county:530926"), $"{Split}/versions/{version}/retire", new { reason = "not mine" })).Status);
        var (retired, body) = await PostAsync(county, $"{Split}/versions/{version}/retire", new { reason = "back to the region's" });
        Assert.Equal(HttpStatusCode.OK, retired);
        Assert.Equal("retired", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(county, $"{Split}/versions/{version}/retire", new { reason = "twice" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(Host.Token("admin"), $"{Split}/versions/1/retire", new { reason = "the default" })).Status);

        using var client = Host.Client(county);
        var rule = await client.GetFromJsonAsync<JsonElement>(Split);
        var history = rule.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == version).GetProperty("history");
        Assert.Equal(["draft", "publish", "retire"], history.EnumerateArray().Select(c => c.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Every_alert_names_its_rule_and_version_and_a_rule_not_read_from_the_library_is_not_published()
    {
        // A hospital running far ahead of its budget from 1 January: budget-pace alerts within days.
        var claims = Enumerable.Range(0, 8).SelectMany(day => Enumerable.Range(0, 4).Select(i =>
        {
            var settled = new DateTimeOffset(2026, 1, 2 + day, 10, i, 0, TimeSpan.FromHours(8));
            return TestClaims.Settlement($"rule-pace-{day}-{i}", "H53092200101", settled, DateOnly.FromDateTime(settled.Date).AddDays(-1), 45_000m, 60_000m, $"P-rp{day}{i}");
        }));
        using (var ingest = Host.Ingest())
        {
            Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)))).StatusCode);
        }

        using var admin = Host.Admin();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement[] alerts;
        while ((alerts = [.. (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?kind=budget-pace&limit=500")).EnumerateArray()]).Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no budget-pace alert");
            await Task.Delay(100);
        }

        Assert.All(alerts, a =>
        {
            Assert.Equal("budget-pace", a.GetProperty("ruleId").GetString());
            Assert.Equal(1, a.GetProperty("ruleVersion").GetInt32());
        });

        var (drafted, draft) = await PostAsync(Host.Token("admin"), "/api/rules/upcoding/drafts",
            new { scope = "county:530922", effectiveFrom = "2026-01-01", parameters = new Dictionary<string, decimal> { ["threshold"] = 4 }, reason = "not read yet" });
        Assert.Equal(HttpStatusCode.Created, drafted);
        var (published, problem) = await PostAsync(Host.Token("admin"), $"/api/rules/upcoding/versions/{draft.GetProperty("version").GetInt32()}/publish", new { reason = "try" });
        Assert.Equal(HttpStatusCode.Conflict, published);
        Assert.Contains("not judged from the library yet", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Hospital_reads_published_versions_but_never_a_draft_and_may_not_draft()
    {
        var draft = await DraftAsync(Host.Token("admin"), "county:530922");
        var hospital = Host.Token("hospital", "hospital:H53092200001");

        using var client = Host.Client(hospital);
        var rule = await client.GetFromJsonAsync<JsonElement>(Split);
        var versions = rule.GetProperty("versions").EnumerateArray().ToList();
        Assert.Contains(versions, v => v.GetProperty("version").GetInt32() == 1);
        Assert.DoesNotContain(versions, v => v.GetProperty("status").GetString() == "draft");
        Assert.DoesNotContain(versions, v => v.GetProperty("version").GetInt32() == draft);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/rules");
        Assert.DoesNotContain(list.EnumerateArray().SelectMany(r => r.GetProperty("versions").EnumerateArray()), v => v.GetProperty("status").GetString() == "draft");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(hospital, $"{Split}/drafts", Draft("county:530922", 7))).Status);

        using var admin = Host.Client(Host.Token("admin"));
        var seen = await admin.GetFromJsonAsync<JsonElement>(Split);
        Assert.Contains(seen.GetProperty("versions").EnumerateArray(), v => v.GetProperty("version").GetInt32() == draft && v.GetProperty("status").GetString() == "draft");
    }

    [Fact]
    public async Task Draft_out_of_bounds_is_400_naming_each_parameter()
    {
        var (status, body) = await PostAsync(Host.Token("admin"), $"{Split}/drafts",
            new { scope = "county:530922", effectiveFrom = "2026-12-01", parameters = new Dictionary<string, decimal> { ["windowDays"] = 0, ["criticalMaxDays"] = 1.5m }, reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.Contains("between 1 and", errors.GetProperty("parameters.windowDays")[0].GetString());
        Assert.Contains("whole number", errors.GetProperty("parameters.criticalMaxDays")[0].GetString());
    }

    [Fact]
    public async Task Draft_with_a_quoted_number_or_a_NUL_is_400_naming_the_field_and_stores_nothing()
    {
        var admin = Host.Token("admin");
        var (quoted, quotedBody) = await PostAsync(admin, $"{Split}/drafts",
            new { scope = "county:530922", effectiveFrom = "2026-12-01", parameters = new Dictionary<string, string> { ["windowDays"] = "7" }, reason = "quoted number" });
        var (nul, nulBody) = await PostAsync(admin, $"{Split}/drafts",
            new { scope = "county:530922", effectiveFrom = "2026-12-01", parameters = new Dictionary<string, decimal> { ["windowDays"] = 7 }, reason = "a\u0000b" });

        Assert.Equal(HttpStatusCode.BadRequest, quoted);
        Assert.Contains("windowDays", quotedBody.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, nul);
        Assert.Contains("reason", nulBody.GetProperty("detail").GetString());
        using var client = Host.Client(admin);
        var seen = await client.GetFromJsonAsync<JsonElement>(Split);
        Assert.DoesNotContain(seen.GetProperty("versions").EnumerateArray(), v => v.GetProperty("reason").GetString() is "quoted number" or "a\u0000b");
    }
}
