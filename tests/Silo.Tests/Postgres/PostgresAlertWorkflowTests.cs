using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitoring.Silo.Tests.Alerts;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>Alert status, acknowledgement and paging with the alerts in PostgreSQL, surviving a restart of the host.</summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresAlertWorkflowTests(PostgresServer postgres)
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

    [Fact]
    public async Task Resolution_acknowledgement_and_paging_work_in_postgres_and_survive_a_restart()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var settings = PostgresHostSettings.For(connection, PaceScenario.Settings);
        var claims = PaceScenario.Claims("pg");
        var april = claims.Count / 2;
        string acknowledgedId;
        List<string> all;
        await using (var host = await RunningHost.StartAsync(settings))
        {
            await FeedAsync(host, claims.Take(april));
            using var regulator = host.Client(host.Token("regulator", "county:530922"));
            var before = (await AlertsAsync(regulator)).Select(Id).ToList();

            var paged = new List<string>();
            string? next = "/api/alerts?limit=3";
            for (var page = 0; next is not null; page++)
            {
                using var response = await regulator.GetAsync(next);
                paged.AddRange((await response.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(Id));
                next = response.Headers.TryGetValues("Link", out var links) ? links.Single()[1..links.Single().IndexOf('>')] : null;
                if (page == 0)
                {
                    await FeedAsync(host, claims.Skip(april));
                }
            }

            Assert.Equal(before, paged);
            all = (await AlertsAsync(regulator)).Select(Id).ToList();
            Assert.True(all.Count > before.Count);

            var open = (await AlertsAsync(regulator, "hospitalId=H53092200001&status=open")).First();
            acknowledgedId = Id(open);
            using var hospital = host.Client(host.Token("hospital", "hospital:H53092200202"));
            var url = $"/api/alerts/{Uri.EscapeDataString(acknowledgedId)}/acknowledge";
            Assert.Equal(HttpStatusCode.NotFound, (await hospital.PostAsync(url, null)).StatusCode);
            using var body = new StringContent("""{"note":"约谈院长"}""", Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.OK, (await regulator.PostAsync(url, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await regulator.PostAsync(url, null)).StatusCode);
        }

        await using var restarted = await RunningHost.StartAsync(settings);
        using var reader = restarted.Client(restarted.Token("regulator", "county:530922"));
        var after = await AlertsAsync(reader);
        Assert.Equal(all, after.Select(Id).ToList());
        var acknowledged = after.Single(a => Id(a) == acknowledgedId);
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.Equal("regulator@county:530922", acknowledged.GetProperty("acknowledged").GetProperty("by").GetString());
        Assert.Equal("约谈院长", acknowledged.GetProperty("acknowledged").GetProperty("note").GetString());

        var resolved = await AlertsAsync(reader, "status=resolved");
        Assert.Contains(resolved, a => a.GetProperty("hospitalId").GetString() == "H53092200202" && a.GetProperty("transition").GetString() == "cleared");
        Assert.All(resolved, a => Assert.Equal("level-cleared", a.GetProperty("statusReason").GetString()));
        Assert.DoesNotContain(await AlertsAsync(reader, "status=open"), a => a.GetProperty("hospitalId").GetString() == "H53092200202" && a.GetProperty("kind").GetString() == "budget-pace");
    }
}
