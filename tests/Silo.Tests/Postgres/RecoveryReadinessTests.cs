using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// A host restarted after a SIGKILL rebuilds its fund accounts before it calls itself ready, a few at a time. The test
/// holds the ledger locked while the new host starts, so the rebuild cannot finish: the probe must say 503 and why, the
/// rebuild reads waiting on the ledger must not exceed the bound, and once the lock goes the probe turns 200 with every
/// claim counted.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class RecoveryReadinessTests(PostgresServer postgres)
{
    private const int Replays = 2;

    [Fact]
    public async Task Host_restarted_after_a_kill_answers_503_while_rebuilding_with_bounded_reads_and_200_once_caught_up()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var settings = PostgresHostSettings.For(connection,
            "--Monitoring:Demo:Enabled=false",
            "--Monitoring:Ingest:MaxAheadOfClock=3660.00:00:00",
            $"--Monitoring:Storage:MaxConcurrentReplays={Replays}",
            $"--Monitoring:Registry:Path={Path.Combine(ContractFiles.Directory, "examples", "registry.json")}",
            $"--Monitoring:Cluster:SiloPort={FreePort.Next()}");
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(["token", "--role", "admin", .. settings]);
        Assert.True(exitCode == 0, stderr);
        var token = stdout.Trim();
        var claims = TestClaims.Settlements("recovery", 300);
        var first = await HostProcess.StartAsync(settings);
        using (var client = Client(first.Address, token))
        {
            (await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await first.KillAsync();
        await first.DisposeAsync();

        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        var locked = await admin.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockLedger = new NpgsqlCommand("LOCK TABLE claims_ledger IN ACCESS EXCLUSIVE MODE", admin, locked))
        {
            await lockLedger.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var second = HostProcess.Launch(settings);
        using var probe = new HttpClient { BaseAddress = second.Address, Timeout = TimeSpan.FromSeconds(5) };
        var (status, body) = await ProbeUntilAsync(probe, s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(90));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("catching up after start", body);
        // Every fund account wants its replay now; no more than the bound are at the ledger, the rest wait their turn.
        var atTheLedger = await WaitingOnTheLedgerAsync(admin, locked);
        Assert.InRange(atTheLedger, 1, Replays);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ProbeAsync(probe)).Status);

        await locked.CommitAsync(TestContext.Current.CancellationToken);
        (status, body) = await ProbeUntilAsync(probe, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(90));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("caught up", body);
        using var after = Client(second.Address, token);
        var county = await after.GetFromJsonAsync<FundView>("/api/funds/county/530922", TestContext.Current.CancellationToken);
        Assert.Equal(claims.Count(c => c.Contains("\"hospitalId\":\"H530922", StringComparison.Ordinal)), county!.ClaimsCounted);
    }

    /// <summary>Sessions of this database blocked behind the test's lock, seen after the first has arrived and the rest had time to.</summary>
    private static async Task<long> WaitingOnTheLedgerAsync(NpgsqlConnection admin, NpgsqlTransaction locked)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
                admin, locked);
            seen = Math.Max(seen, (long)(await command.ExecuteScalarAsync())!);
            if (seen > 0)
            {
                // Give the other activations time to pile up, were they not bounded.
                await Task.Delay(TimeSpan.FromSeconds(3));
                await using var again = new NpgsqlCommand(command.CommandText, admin, locked);
                return Math.Max(seen, (long)(await again.ExecuteScalarAsync())!);
            }

            await Task.Delay(200);
        }

        return seen;
    }

    private static async Task<(HttpStatusCode Status, string Body)> ProbeUntilAsync(HttpClient probe, Func<HttpStatusCode, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        (HttpStatusCode Status, string Body) last = (0, "no answer");
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await ProbeAsync(probe);
                if (done(last.Status))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return last;
    }

    private static async Task<(HttpStatusCode Status, string Body)> ProbeAsync(HttpClient probe)
    {
        using var response = await probe.GetAsync("/readyz");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
