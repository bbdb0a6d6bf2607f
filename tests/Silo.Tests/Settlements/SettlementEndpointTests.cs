using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Settlements;

/// <summary>
/// The package's statements and the three-level assessment on the real host (the example registry's 云县: 400,000
/// insured, its tight alliance paid 750 yuan a head, H53092200001 its lead): scope, bad input, and the decided score
/// changing the final settlement.
/// </summary>
public sealed class SettlementEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Alliance = "/api/settlements/alliance/YX-TIGHT";
    private const string Steps = "/api/assessment/alliance/YX-TIGHT/steps";
    private const string Lead = "hospital:H53092200001";

    private RunningHost Host => fixture.Host;

    private static readonly DateTimeOffset March = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static string Claim(string id, string hospital, decimal paid, string? insured, int day = 0) =>
        TestClaims.Settlement(id, hospital, March.AddDays(day), DateOnly.FromDateTime(March.Date).AddDays(day - 1), paid, paid * 2)
            .Replace("\"kind\":\"settlement\"", insured is null ? "\"kind\":\"settlement\"" : $"\"kind\":\"settlement\",\"insuredCountyId\":{insured}", StringComparison.Ordinal);

    private async Task<JsonElement> PostClaimsAsync(params string[] claims)
    {
        using var ingest = Host.Ingest();
        using var response = await ingest.PostAsync("/api/claims", new StringContent(TestClaims.JsonArray(claims), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string token, string path)
    {
        using var client = Host.Client(token);
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostStepAsync(string role, string scope, string body)
    {
        using var client = Host.Client(Host.Token(role, scope));
        using var response = await client.PostAsync(Steps, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> StatementAsync()
    {
        var (status, body) = await GetAsync(Host.Token("regulator", "county:530922"), Alliance);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    [Fact]
    public async Task Payer_is_read_at_ingest_malformed_refused_alone_and_insured_elsewhere_kept_out_of_the_package()
    {
        var before = await StatementAsync();

        var reply = await PostClaimsAsync(
            Claim("PKG-A1", "H53092200001", 1000.10m, null),
            Claim("PKG-A2", "H53092200002", 200.20m, "\"530922\""),
            Claim("PKG-A3", "H53092200001", 3000.30m, "\"110101\""),
            Claim("PKG-A4", "H53092200001", 50m, "\"53-09\""));

        Assert.Equal(3, reply.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(reply.GetProperty("rejected").EnumerateArray());
        Assert.Equal("PKG-A4", rejected.GetProperty("claimId").GetString());
        Assert.StartsWith("insuredCountyId", Assert.Single(rejected.GetProperty("errors").EnumerateArray()).GetString(), StringComparison.Ordinal);

        var after = await StatementAsync();
        var march = after.GetProperty("months")[2];
        var marchBefore = before.GetProperty("months")[2];
        Assert.Equal(1200.30m, march.GetProperty("fundPaid").GetDecimal() - marchBefore.GetProperty("fundPaid").GetDecimal());
        Assert.Equal(3000.30m, march.GetProperty("providedElsewhere").GetDecimal() - marchBefore.GetProperty("providedElsewhere").GetDecimal());
        Assert.Equal(300_000_000m, after.GetProperty("budget").GetDecimal());
        Assert.Equal(after.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("fundPaid").GetDecimal()),
            after.GetProperty("final").GetProperty("spend").GetDecimal());
    }

    [Fact]
    public async Task Statements_are_scoped_county_region_and_the_alliance_lead_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Host.Token("regulator", "region:530900"), Alliance)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Host.Token("regulator", "county:530923"), Alliance)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Host.Token("hospital", Lead), Alliance)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Host.Token("hospital", "hospital:H53092200002"), Alliance)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Host.Token("hospital", "hospital:H53092200002"), "/api/settlements/hospital/H53092200002")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Host.Token("hospital", "hospital:H53092200002"), "/api/settlements/hospital/H53092200001")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Host.Token("hospital", Lead), "/api/assessment/county/530922")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(Host.Token("regulator", "county:530923"), "/api/assessment/alliance/YX-TIGHT")).Status);
    }

    [Theory]
    [InlineData("/api/settlements/county/530922", "level")]
    [InlineData("/api/settlements/alliance/YX-TIGHT?format=pdf", "format")]
    [InlineData("/api/settlements/alliance/YX-TIGHT?lang=fr", "lang")]
    [InlineData("/api/assessment/hospital/H53092200001", "level")]
    public async Task Bad_query_is_400_naming_the_field(string path, string field)
    {
        var (status, body) = await GetAsync(Host.Token("admin"), path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(field, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printable_statement_and_workbook_in_both_languages()
    {
        using var client = Host.Client(Host.Token("regulator", "county:530922"));
        var zh = await client.GetStringAsync($"{Alliance}?format=html");
        var en = await client.GetStringAsync($"{Alliance}?format=html&lang=en");
        var xlsx = await client.GetByteArrayAsync($"{Alliance}?format=xlsx");

        Assert.Contains("按月预结", zh, StringComparison.Ordinal);
        Assert.Contains("Monthly pre-settlement", en, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", zh + en, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", zh + en); // no inline handler: the page is served under a CSP
        Assert.Equal((byte)'P', xlsx[0]); // a zip, as .xlsx is
        var assessmentZh = await client.GetStringAsync("/api/assessment/county/530922?format=html");
        var assessmentEn = await client.GetStringAsync("/api/assessment/county/530922?format=html&lang=en");
        Assert.Contains("县域内就诊率", assessmentZh, StringComparison.Ordinal);
        Assert.Contains("Treated out of county", assessmentEn, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script|<[^>]*\son[a-z]+\s*=", assessmentZh + assessmentEn);
    }

    [Fact]
    public async Task Assessment_from_self_assessment_to_the_prefecture_decision_changes_the_final_settlement()
    {
        await PostClaimsAsync(Claim("PKG-B1", "H53092200001", 5000m, null, day: 2), Claim("PKG-B2", "H53092200101", 700m, null, day: 3));
        var (_, live) = await GetAsync(Host.Token("regulator", "county:530922"), "/api/assessment/alliance/YX-TIGHT");
        Assert.Equal(7, live.GetProperty("indicators").GetArrayLength());
        Assert.Equal("H53092200001", live.GetProperty("leadHospitalId").GetString());
        var before = (await StatementAsync()).GetProperty("final");
        Assert.True(before.GetProperty("provisional").GetBoolean());

        // An alliance cannot review itself; a county cannot self-assess or decide; nothing moves out of turn.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostStepAsync("hospital", Lead, """{"stage":"county-review","score":99}""")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostStepAsync("regulator", "county:530922", """{"stage":"county-review","score":90}""")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostStepAsync("hospital", "hospital:H53092200002", """{"stage":"self-assessment","score":99}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostStepAsync("hospital", Lead, """{"stage":"self-assessment","score":95,"notes":"自评：县域内就诊率达标"}""")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostStepAsync("regulator", "county:530922", """{"stage":"prefecture-decision","score":90}""")).Status);

        var badScore = await PostStepAsync("regulator", "county:530922", """{"stage":"county-review","score":"ninety"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badScore.Status);
        Assert.Contains("score must be a number", badScore.Body, StringComparison.Ordinal);
        var badStage = await PostStepAsync("regulator", "county:530922", """{"score":90}""");
        Assert.Contains("stage is required", badStage.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PostStepAsync("regulator", "county:530922", """{"stage":"county-review","score":80,"notes":"内部意见：基层占比偏低"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostStepAsync("regulator", "region:530900", """{"stage":"prefecture-decision","score":60}""")).Status);

        var after = (await StatementAsync()).GetProperty("final");
        var withheld = after.GetProperty("reserveWithheld").GetDecimal();
        Assert.False(after.GetProperty("provisional").GetBoolean());
        Assert.Equal(60m, after.GetProperty("score").GetDecimal());
        Assert.Equal(decimal.Round(withheld * 0.6m, 2), after.GetProperty("reserveReturned").GetDecimal());
        Assert.Equal(before.GetProperty("totalPaid").GetDecimal() - (withheld - decimal.Round(withheld * 0.6m, 2)), after.GetProperty("totalPaid").GetDecimal());

        // The lead hospital sees the scores of each level but not the officials' notes.
        var (_, seen) = await GetAsync(Host.Token("hospital", Lead), "/api/assessment/alliance/YX-TIGHT");
        Assert.Equal("decided", seen.GetProperty("review").GetProperty("status").GetString());
        Assert.DoesNotContain("内部意见", seen.GetRawText(), StringComparison.Ordinal);
        using var lead = Host.Client(Host.Token("hospital", Lead));
        var page = await lead.GetStringAsync("/api/assessment/alliance/YX-TIGHT?format=html");
        Assert.Contains("州级终评", page, StringComparison.Ordinal);
        Assert.DoesNotContain("内部意见", page, StringComparison.Ordinal);
        Assert.Equal(60m, seen.GetProperty("decidedScore").GetDecimal());
    }
}
