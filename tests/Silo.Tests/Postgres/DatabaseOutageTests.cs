using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// PostgreSQL goes away and comes back. Each test has a server of its own, since stopping the collection's shared
/// one would take every other test's database with it.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();

    public ValueTask InitializeAsync() => _postgres.InitializeAsync();

    public ValueTask DisposeAsync() => _postgres.DisposeAsync();

    [Fact]
    public async Task Ingest_during_an_outage_gets_503_with_retry_after_and_the_batch_is_taken_when_resent()
    {
        var connection = await _postgres.CreateDatabaseAsync();
        await using var host = await RunningHost.StartAsync(PostgresHostSettings.For(connection, "--Monitoring:Checkpoint:CatchUpInterval=00:00:02"));
        using var ingest = host.Ingest();
        (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TestClaims.Settlements("before", 20))))).EnsureSuccessStatusCode();
        var batch = TestClaims.JsonArray(TestClaims.Settlements("during", 20));

        await _postgres.StopAsync();
        using var during = await ingest.PostAsync("/api/claims", TestClaims.Body(batch));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), during.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        var problem = await during.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("nothing of this batch was taken", problem.GetProperty("detail").GetString());
        using (var probe = await host.Client().GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.StatusCode);
        }

        await _postgres.StartAgainAsync();
        var reply = await ResendUntilTakenAsync(ingest, batch, TimeSpan.FromSeconds(60));
        Assert.Equal((20, 0), (reply.Accepted, reply.Duplicates));
        // Durable at the reply: the ledger holds both batches once, and the accounts count them (a dispatch that met a
        // connection broken by the restart is caught up from the ledger).
        Assert.Equal(40, await new LedgerTotals(connection).RowsAsync());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await host.FundAsync("county", "530922")).ClaimsCounted != 40 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(40, (await host.FundAsync("county", "530922")).ClaimsCounted);
    }

    [Fact]
    public async Task Host_started_while_the_database_is_down_waits_says_so_and_starts_when_it_returns()
    {
        var connection = await _postgres.CreateDatabaseAsync();
        await _postgres.StopAsync();

        await using var host = HostProcess.Launch(PostgresHostSettings.For(connection));
        await host.WaitForOutputAsync("PostgreSQL is not reachable", TimeSpan.FromSeconds(60));
        await host.WaitForOutputAsync("retrying in", TimeSpan.FromSeconds(30));
        Assert.False(host.HasExited);
        using (var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(5) })
        {
            // Not ready: nothing answers the probe until the database is there and the silo has joined.
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/readyz"));
        }

        await _postgres.StartAgainAsync();
        await host.WaitReadyAsync(TimeSpan.FromSeconds(90));
        Assert.Contains("PostgreSQL is reachable", host.Output);
    }

    private static async Task<IngestReplyView> ResendUntilTakenAsync(HttpClient ingest, string batch, TimeSpan timeout)
    {
        // Pooled connections broken by the restart fail once each; a feed that honours 503 simply sends again.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(batch));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<IngestReplyView>())!;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "the ledger did not come back");
            await Task.Delay(response.Headers.RetryAfter?.Delta is { } pause && pause < TimeSpan.FromSeconds(1) ? pause : TimeSpan.FromMilliseconds(500));
        }
    }
}
