using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Silo.Tests.Push;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>
/// Issue 25 from outside, over HTTP and the hub of the real embedded host: what a hospital may see of its alerts and
/// cases, who may decide a case, and input that is refused with a 400 rather than a 500.
/// </summary>
public sealed class HospitalViewEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private RunningHost Host => fixture.Host;

    private string Token(string role, string? scope, string subject) =>
        Host.Services.GetRequiredService<TokenIssuer>().Mint(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error), subject: subject);

    private string Inspector(string subject) => Token("inspector", "county:530922", subject);

    private string HospitalToken(string hospitalId) => Token("hospital", $"hospital:{hospitalId}", $"staff-{hospitalId}");

    /// <summary>A token signed with the embedded mode's key that names no person.</summary>
    private static string WithoutSubject(string role, string scope)
    {
        var options = new AuthOptions();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKeys.Development)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim(MonitoringClaimTypes.Role, role), new Claim(MonitoringClaimTypes.Scope, scope)]),
        });
    }

    private async Task PostClaimsAsync(params string[] claims)
    {
        using var ingest = Host.Ingest();
        using var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

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

    /// <summary>The case (as the admin reads it) resting on <paramref name="claimId"/>, once the detector has opened it.</summary>
    private async Task<JsonElement> CaseOfClaimAsync(string claimId)
    {
        static bool Has(JsonElement c, string id) => c.GetProperty("claimIds").EnumerateArray().Any(x => x.GetString() == id);
        var cases = await ReadUntilAsync(Host.Token("admin"), "/api/cases?limit=500", list => list.EnumerateArray().Any(c => Has(c, claimId)));
        return Assert.Single(cases.EnumerateArray(), c => Has(c, claimId));
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string token, string path, string json)
    {
        using var client = Host.Client(token);
        using var response = await client.PostAsync(path, TestClaims.Body(json));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> ActAsync(string token, string caseId, object action) =>
        await PostAsync(token, $"/api/cases/{caseId}/actions", JsonSerializer.Serialize(action));

    private async Task MovedAsync(string token, string caseId, object action)
    {
        var (status, body) = await ActAsync(token, caseId, action);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
    }

    private async Task<string> GetTextAsync(string token, string path)
    {
        using var client = Host.Client(token);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return body;
    }

    [Fact]
    public async Task An_officials_acknowledgement_reaches_the_hospital_by_role_only_in_every_view()
    {
        const string hospital = "H53092200003";
        var hospitalToken = HospitalToken(hospital);
        await using var hospitalHub = await HubListener.ConnectAsync(Host, hospitalToken);
        await using var regulatorHub = await HubListener.ConnectAsync(Host, Token("regulator", "county:530922", "reg-zhao"));
        var (first, second) = TestSplitPairs.Pair("view-ack", hospital, day: 60);
        await PostClaimsAsync(first, second);
        var opened = await CaseOfClaimAsync("view-ack-2");
        var alertId = opened.GetProperty("alertIds")[0].GetString()!;

        var (acknowledged, reply) = await PostAsync(Inspector("insp-wang"), $"/api/alerts/{Uri.EscapeDataString(alertId)}/acknowledge",
            """{"note":"confidential: doctor D-17 again, see the ward roster"}""");
        Assert.True(acknowledged == HttpStatusCode.OK, reply);

        var asOfficial = await regulatorHub.WaitForAsync("alert", a => a.GetProperty("alertId").GetString() == alertId && a.GetProperty("acknowledged").ValueKind == JsonValueKind.Object);
        Assert.Equal("insp-wang", asOfficial.GetProperty("acknowledged").GetProperty("by").GetString());
        var pushed = await hospitalHub.WaitForAsync("alert", a => a.GetProperty("alertId").GetString() == alertId && a.GetProperty("acknowledged").ValueKind == JsonValueKind.Object);

        var views = new Dictionary<string, string>
        {
            ["GET /api/alerts"] = await GetTextAsync(hospitalToken, "/api/alerts?kind=split-hospitalization"),
            ["GET /api/alerts as CSV"] = await GetTextAsync(hospitalToken, "/api/alerts?kind=split-hospitalization&format=csv"),
            ["GET /api/cases/{id}"] = await GetTextAsync(hospitalToken, $"/api/cases/{opened.GetProperty("caseId").GetString()}"),
            ["hub alert"] = pushed.GetRawText(),
        };
        foreach (var (view, text) in views)
        {
            Assert.True(text.Contains(alertId, StringComparison.Ordinal) || text.Contains(JsonEncodedText.Encode(alertId).ToString(), StringComparison.Ordinal),
                $"{view} does not show the alert");
            Assert.False(text.Contains("insp-wang", StringComparison.Ordinal), $"{view} names the inspector");
            Assert.False(text.Contains("confidential", StringComparison.Ordinal), $"{view} shows the inspector's note");
        }

        Assert.Equal("inspector", pushed.GetProperty("acknowledged").GetProperty("by").GetString());
        Assert.Contains("医保稽核", views["GET /api/alerts as CSV"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hospital_is_told_of_the_other_members_stay_only_that_it_was_and_when()
    {
        // Discharged from 云县中医医院 (H53092200002), readmitted three days later to 云县人民医院 (H53092200001), both of YX-TIGHT.
        const string own = "H53092200001";
        var ownToken = HospitalToken(own);
        await using var hospitalHub = await HubListener.ConnectAsync(Host, ownToken);
        var (atOther, _) = TestSplitPairs.Pair("view-member", "H53092200002", day: 62);
        var (_, atOwn) = TestSplitPairs.Pair("view-member", own, day: 62);
        await PostClaimsAsync(atOther, atOwn);
        var opened = await CaseOfClaimAsync("view-member-2");
        var caseId = opened.GetProperty("caseId").GetString()!;
        var alertId = opened.GetProperty("alertIds")[0].GetString()!;
        Assert.Contains("view-member-1", opened.GetProperty("claimIds").GetRawText(), StringComparison.Ordinal);

        var pushed = await hospitalHub.WaitForAsync("alert", a => a.GetProperty("alertId").GetString() == alertId);
        var views = new Dictionary<string, string>
        {
            ["GET /api/alerts"] = await GetTextAsync(ownToken, "/api/alerts?kind=split-hospitalization"),
            ["GET /api/alerts as CSV"] = await GetTextAsync(ownToken, "/api/alerts?kind=split-hospitalization&format=csv"),
            ["GET /api/cases"] = await GetTextAsync(ownToken, "/api/cases"),
            ["GET /api/cases/{id}"] = await GetTextAsync(ownToken, $"/api/cases/{caseId}"),
            ["hub alert"] = pushed.GetRawText(),
        };
        foreach (var (view, text) in views)
        {
            // Nothing may name the other stay, the alert id and the items' ids included.
            // The CSV names the alert, not its claims.
            Assert.True(text.Contains(view.EndsWith("CSV", StringComparison.Ordinal) ? alertId : "view-member-2", StringComparison.Ordinal),
                $"{view} does not show the hospital's own stay");
            foreach (var secret in new[] { "view-member-1", "H53092200002", "云县中医医院" })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{view} shows {secret} of the other member's stay");
            }
        }

        var first = pushed.GetProperty("evidence").GetProperty("first");
        Assert.True(first.GetProperty("atAnotherMember").GetBoolean());
        Assert.Contains("另一成员医院", pushed.GetProperty("message").GetProperty("zh").GetString(), StringComparison.Ordinal);

        // The regulator reads the pair as stored.
        var asStored = await GetTextAsync(Token("regulator", "county:530922", "reg-zhao"), $"/api/cases/{caseId}");
        Assert.Contains("云县中医医院", asStored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_inspector_cannot_take_a_case_over_by_assigning_itself_and_a_token_without_subject_works_no_case()
    {
        var (first, second) = TestSplitPairs.Pair("view-owner", "H53092200101", day: 64);
        await PostClaimsAsync(first, second);
        var caseId = (await CaseOfClaimAsync("view-owner-2")).GetProperty("caseId").GetString()!;
        await MovedAsync(Inspector("insp-a"), caseId, new { action = "take" });
        await MovedAsync(Inspector("insp-a"), caseId, new { action = "review" });

        var (assignedItself, refusal) = await ActAsync(Inspector("insp-b"), caseId, new { action = "assign", assignee = "insp-b" });
        Assert.Equal(HttpStatusCode.Conflict, assignedItself);
        Assert.Contains("owner or a supervisor", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(Inspector("insp-b"), caseId, new { action = "confirm", amount = 1 })).Status);

        var noSubject = WithoutSubject("inspector", "county:530922");
        var (refused, why) = await ActAsync(noSubject, caseId, new { action = "note", note = "who am I" });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("sub", why, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(noSubject, "/api/cases", """{"alertId":"x"}""")).Status);

        // The region's inspector, a supervisor, gives it to insp-b; the history records who gave it to whom.
        await MovedAsync(Token("inspector", "region:530900", "insp-r"), caseId, new { action = "assign", assignee = "insp-b" });
        await MovedAsync(Inspector("insp-b"), caseId, new { action = "confirm", amount = 1 });
        using var seen = JsonDocument.Parse(await GetTextAsync(Host.Token("admin"), $"/api/cases/{caseId}"));
        var assign = Assert.Single(seen.RootElement.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "assign");
        Assert.Equal(("insp-r", "insp-b"), (assign.GetProperty("actor").GetString(), assign.GetProperty("assignee").GetString()));
    }

    [Fact]
    public async Task Internal_moves_reach_the_hospital_neither_by_push_nor_by_gaps_in_its_history()
    {
        const string hospital = "H53092200201";
        var hospitalToken = HospitalToken(hospital);
        await using var hospitalHub = await HubListener.ConnectAsync(Host, hospitalToken);
        var (first, second) = TestSplitPairs.Pair("view-internal", hospital, day: 66);
        await PostClaimsAsync(first, second);
        var caseId = (await CaseOfClaimAsync("view-internal-2")).GetProperty("caseId").GetString()!;
        await MovedAsync(Inspector("insp-a"), caseId, new { action = "take" });
        await MovedAsync(Inspector("insp-a"), caseId, new { action = "note", note = "internal" });
        await MovedAsync(Inspector("insp-a"), caseId, new { action = "assign", assignee = "insp-c" });
        await MovedAsync(Inspector("insp-c"), caseId, new { action = "ask-hospital", note = "Explain the readmission." });
        await MovedAsync(hospitalToken, caseId, new { action = "answer", note = "The family asked." });
        await MovedAsync(Inspector("insp-c"), caseId, new { action = "dismiss", note = "explained" });

        // Pushes go out in order: once the dismissal is in, every notice before it would have been too.
        await hospitalHub.WaitForAsync("case", n => n.GetProperty("caseId").GetString() == caseId && n.GetProperty("event").GetString() == "dismiss");
        Assert.Equal(["open", "ask-hospital", "answer", "dismiss"],
            hospitalHub.Received("case").Where(n => n.GetProperty("caseId").GetString() == caseId).Select(n => n.GetProperty("event").GetString()));

        using var seen = JsonDocument.Parse(await GetTextAsync(hospitalToken, $"/api/cases/{caseId}"));
        var history = seen.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["open", "ask-hospital", "answer", "dismiss"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([1, 2, 3, 4], history.Select(e => e.GetProperty("seq").GetInt32()));
    }

    public static TheoryData<string, string> QueriesWithNul() => new()
    {
        { "/api/alerts?kind=split%00", "kind" },
        { "/api/alerts?hospitalId=H53092200001%00", "hospitalId" },
        { "/api/alerts?countyId=530922%00", "countyId" },
        { "/api/alerts?status=open%00", "status" },
        { "/api/cases?hospitalId=%00", "hospitalId" },
        { "/api/cases?countyId=530922%00", "countyId" },
        { "/api/cases?owner=insp%00a", "owner" },
        { "/api/cases?kind=%00", "kind" },
        { "/api/drilldown/hospital/H53092200001/claims?by=drg&key=ES23%00", "key" },
        { "/api/funds/county/530922?view=%00", "view" },
    };

    [Theory]
    [MemberData(nameof(QueriesWithNul))]
    public async Task A_nul_in_a_query_parameter_or_path_is_a_400_naming_it(string path, string name)
    {
        using var client = Host.Client(Host.Token("admin"));
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode} {body}");
        Assert.Contains(name, body, StringComparison.Ordinal);
        Assert.Contains("NUL", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_that_cannot_be_stored_in_a_body_field_and_a_quoted_amount_are_400s_naming_the_field_and_change_nothing()
    {
        var (first, second) = TestSplitPairs.Pair("view-body", "H53092200202", day: 68);
        await PostClaimsAsync(first, second);
        var opened = await CaseOfClaimAsync("view-body-2");
        var (caseId, alertId) = (opened.GetProperty("caseId").GetString()!, opened.GetProperty("alertIds")[0].GetString()!);
        var inspector = Inspector("insp-a");
        await MovedAsync(inspector, caseId, new { action = "take" });
        await MovedAsync(inspector, caseId, new { action = "review" });
        var acknowledge = $"/api/alerts/{Uri.EscapeDataString(alertId)}/acknowledge";

        foreach (var (path, body, field) in new[]
                 {
                     ($"/api/cases/{caseId}/actions", """{"action":"note","note":"a\u0000b"}""", "$.note"),
                     ($"/api/cases/{caseId}/actions", """{"action":"assign","assignee":"insp\u0000b"}""", "$.assignee"),
                     ($"/api/cases/{caseId}/actions", """{"action":"note","note":"a\udc00b"}""", "$.note"),
                     ($"/api/cases/{caseId}/actions", """{"action":"confirm","amount":"100"}""", "amount"),
                     ("/api/cases", """{"alertId":"x\u0000"}""", "$.alertId"),
                     ("/api/cases", """{"alertId":"x","note":"\u0000"}""", "$.note"),
                     (acknowledge, """{"note":"a\u0000b"}""", "$.note"),
                     (acknowledge, """{"note":"a\udc00b"}""", "$.note"),
                 })
        {
            var (status, problem) = await PostAsync(inspector, path, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{path} {body}: {status} {problem}");
            Assert.Contains(field, problem, StringComparison.Ordinal);
        }

        using var after = JsonDocument.Parse(await GetTextAsync(inspector, $"/api/cases/{caseId}"));
        Assert.Equal(("under-review", 3), (after.RootElement.GetProperty("status").GetString(), after.RootElement.GetProperty("history").GetArrayLength()));
        var alerts = await GetTextAsync(inspector, "/api/alerts?kind=split-hospitalization&hospitalId=H53092200202");
        Assert.DoesNotContain("\"acknowledged\":{", alerts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/reports/monthly/county/530922?month=2026-01&format=html")]
    [InlineData("/api/alerts")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_a_content_security_policy_without_inline_script(string path)
    {
        using var client = Host.Client(Host.Token("admin"));
        using var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", policy.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
    }
}
