using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Alerts;

/// <summary>
/// Alerts as living records over HTTP on the real host: acknowledgement within scope, status that follows the level,
/// current figures beside raised ones, cursor paging while alerts keep arriving, and the CSV export.
/// </summary>
public sealed class AlertWorkflowTests
{
    private static async Task FeedAsync(RunningHost host, IEnumerable<string> claims)
    {
        using var ingest = host.Ingest();
        foreach (var batch in claims.Chunk(2_500))
        {
            using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(batch)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client, string query = "limit=1000") =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/alerts?{query}"))!;

    private static string Id(JsonElement alert) => alert.GetProperty("alertId").GetString()!;

    private static Task<HttpResponseMessage> AcknowledgeAsync(HttpClient client, string alertId, string? body = null) =>
        client.PostAsync($"/api/alerts/{Uri.EscapeDataString(alertId)}/acknowledge",
            body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Hospital_acknowledges_its_own_alert_and_no_other_and_who_and_when_are_kept()
    {
        await using var host = await RunningHost.StartAsync(PaceScenario.Settings);
        await FeedAsync(host, PaceScenario.Claims("ack"));
        using var own = host.Client(host.Token("hospital", "hospital:H53092200001"));
        using var other = host.Client(host.Token("hospital", "hospital:H53092200202"));
        var alert = (await AlertsAsync(own, "kind=budget-pace&status=open")).First();

        Assert.Equal(HttpStatusCode.NotFound, (await AcknowledgeAsync(other, Id(alert))).StatusCode);
        using (var regulatorElsewhere = host.Client(host.Token("regulator", "county:530923")))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await AcknowledgeAsync(regulatorElsewhere, Id(alert))).StatusCode);
        }

        using (var admin = host.Admin())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await AcknowledgeAsync(admin, Id(alert))).StatusCode);
        }

        var tooLong = await AcknowledgeAsync(own, Id(alert), JsonSerializer.Serialize(new { note = new string('x', 501) }));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 500", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await AcknowledgeAsync(own, Id(alert), "{not json")).StatusCode);
        Assert.Equal("open", (await AlertsAsync(own)).Single(a => Id(a) == Id(alert)).GetProperty("status").GetString());

        using var done = await AcknowledgeAsync(own, Id(alert), """{"note":"已安排医保办核查"}""");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var read = (await AlertsAsync(own)).Single(a => Id(a) == Id(alert));
        Assert.Equal("acknowledged", read.GetProperty("status").GetString());
        var acknowledged = read.GetProperty("acknowledged");
        Assert.Equal("hospital@hospital:H53092200001", acknowledged.GetProperty("by").GetString());
        Assert.Equal("已安排医保办核查", acknowledged.GetProperty("note").GetString());
        // Stamped on the settlement clock the screens read (the feed's last settlement day), not the wall clock.
        Assert.Equal(new DateOnly(2026, 8, 31), DateOnly.FromDateTime(acknowledged.GetProperty("at").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));

        var again = await AcknowledgeAsync(own, Id(alert));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("hospital@hospital:H53092200001", await again.Content.ReadAsStringAsync());

        // A regulator of the county sees who acknowledged it, and may acknowledge another of the hospital's alerts.
        using var regulator = host.Client(host.Token("regulator", "county:530922"));
        Assert.Equal("hospital@hospital:H53092200001",
            (await AlertsAsync(regulator)).Single(a => Id(a) == Id(alert)).GetProperty("acknowledged").GetProperty("by").GetString());
        var second = (await AlertsAsync(regulator, "hospitalId=H53092200201&status=open")).First();
        Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(regulator, Id(second))).StatusCode);
    }

    [Fact]
    public async Task Cleared_level_resolves_its_episode_and_alerts_show_current_beside_raised_figures()
    {
        await using var host = await RunningHost.StartAsync(PaceScenario.Settings);
        await FeedAsync(host, PaceScenario.Claims("status"));
        using var regulator = host.Client(host.Token("regulator", "county:530922"));

        // 云县仁爱医院 ran hot in January and February and cleared in spring: every alert of that episode is resolved.
        var episode = (await AlertsAsync(regulator, "hospitalId=H53092200202&kind=budget-pace")).ToList();
        Assert.Contains(episode, a => a.GetProperty("transition").GetString() == "cleared");
        Assert.All(episode, a => Assert.Equal("resolved", a.GetProperty("status").GetString()));
        Assert.All(episode, a => Assert.Equal("level-cleared", a.GetProperty("statusReason").GetString()));

        var resolved = await AlertsAsync(regulator, "status=resolved");
        Assert.Equal(episode.Select(Id).Order(), resolved.Where(a => a.GetProperty("hospitalId").GetString() == "H53092200202").Select(Id).Order());
        Assert.All(await AlertsAsync(regulator, "status=open"), a => Assert.Equal("open", a.GetProperty("status").GetString()));

        // 云县人民医院's first alert was raised in summer at a few points ahead; the fund now stands further ahead.
        var first = (await AlertsAsync(regulator, "hospitalId=H53092200001&kind=budget-pace")).Last();
        var raisedGap = first.GetProperty("evidence").GetProperty("gapPoints").GetDecimal();
        var current = first.GetProperty("current");
        Assert.Equal(new DateOnly(2026, 8, 31), DateOnly.Parse(current.GetProperty("day").GetString()!));
        Assert.True(current.GetProperty("gapPoints").GetDecimal() > raisedGap, $"now {current.GetProperty("gapPoints")} vs raised {raisedGap}");
        Assert.Equal("critical", current.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Paging_by_cursor_skips_and_repeats_nothing_while_new_alerts_arrive()
    {
        await using var host = await RunningHost.StartAsync(PaceScenario.Settings);
        var claims = PaceScenario.Claims("page");
        var april = claims.Count * 4 / 8;
        await FeedAsync(host, claims.Take(april));
        using var regulator = host.Client(host.Token("regulator", "region:530900"));
        var before = (await AlertsAsync(regulator)).Select(Id).ToList();
        Assert.True(before.Count >= 4, $"only {before.Count} alerts to page through");

        var paged = new List<string>();
        var next = "/api/alerts?limit=2";
        var pages = 0;
        while (next is not null)
        {
            using var response = await regulator.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
            Assert.InRange(page.Count, 1, 2);
            paged.AddRange(page.Select(Id));
            next = response.Headers.TryGetValues("Link", out var links) ? NextOf(links.Single()) : null;
            if (pages++ == 0)
            {
                // The rest of the year arrives between the first page and the second, raising alerts of its own.
                await FeedAsync(host, claims.Skip(april));
            }
        }

        Assert.True((await AlertsAsync(regulator)).Count > before.Count, "the second half of the year raised no alerts");
        Assert.Equal(before, paged);
        Assert.Equal(HttpStatusCode.BadRequest, (await regulator.GetAsync("/api/alerts?cursor=not-a-cursor")).StatusCode);
    }

    [Fact]
    public async Task Csv_export_has_chinese_headers_a_byte_order_mark_and_the_same_rows_as_json()
    {
        await using var host = await RunningHost.StartAsync(PaceScenario.Settings);
        await FeedAsync(host, PaceScenario.Claims("csv"));
        using var regulator = host.Client(host.Token("regulator", "county:530922"));
        var json = await AlertsAsync(regulator, "kind=budget-pace&limit=5");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts?kind=budget-pace&limit=5");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await regulator.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.Contains("Link"), "a CSV page links to the next like a JSON page");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("预警编号,类型,级别,状态,对象层级,对象编号,县区编码,医疗机构编码,结算日期,发出时间,预警内容", lines[0]);
        Assert.Equal(json.Count, lines.Length - 1);
        Assert.Equal(json.Select(Id), lines.Skip(1).Select(l => l.Split(',')[0]));

        var byFormat = await regulator.GetByteArrayAsync("/api/alerts?kind=budget-pace&limit=5&format=csv");
        Assert.Equal(bytes.Length, byFormat.Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await regulator.GetAsync("/api/alerts?format=xlsx")).StatusCode);
    }

    /// <summary>The target of a <c>Link: &lt;…&gt;; rel="next"</c> header.</summary>
    private static string NextOf(string link)
    {
        Assert.EndsWith("; rel=\"next\"", link);
        return link[1..link.IndexOf('>')];
    }
}
