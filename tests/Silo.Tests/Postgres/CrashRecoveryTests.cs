using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// A host process killed with SIGKILL while claims stream in: after a restart every acknowledged claim is in the
/// ledger and every balance equals what the ledger says — nothing acknowledged lost, nothing counted twice or half.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class CrashRecoveryTests(PostgresServer postgres)
{
    private const int BatchSize = 250;
    private static readonly string[] Alliance = ["H53092200001", "H53092200002", "H53092200003", "H53092200101"];

    [Fact]
    public async Task Sigkill_mid_stream_loses_no_acknowledged_claim_and_counts_each_once()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var ledger = new LedgerTotals(connection);
        // Small checkpoints, so that the kill falls between checkpoints with rows to replay.
        var settings = PostgresHostSettings.For(connection,
            "--Monitoring:Demo:Enabled=false",
            $"--Monitoring:Registry:Path={Path.Combine(ContractFiles.Directory, "examples", "registry.json")}",
            "--Monitoring:Checkpoint:MaxRowsBetween=300",
            "--Monitoring:Checkpoint:Interval=00:00:01",
            // Restarted on the same silo endpoint, as a service manager restarts a service on its host.
            $"--Monitoring:Cluster:SiloPort={FreePort.Next()}");
        var token = await MintTokenAsync(settings);
        var acknowledged = new ConcurrentBag<string>();
        var sent = new ConcurrentBag<string>();

        var first = await HostProcess.StartAsync(settings);
        using var stop = new CancellationTokenSource();
        var posters = Enumerable.Range(0, 2).Select(p => PostUntilStoppedAsync(first.Address, token, p, sent, acknowledged, stop.Token)).ToArray();
        while (acknowledged.Count < 20 * BatchSize)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await first.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(posters);
        await first.DisposeAsync();

        await using var second = await HostProcess.StartAsync(settings);
        var acked = acknowledged.ToHashSet();
        Assert.Equal(acked.Count, await ledger.RowsWithIdsAsync(acked));
        await AssertBalancesEqualLedgerAsync(second, token, ledger);
        // The kill fell between checkpoints: the new process had rows to replay from the ledger.
        Assert.Contains("ledger rows after its checkpoint", second.Output);
        Assert.Contains("Fund monitor started: mode PostgreSQL", second.Output);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"sent {sent.Count}, acknowledged {acked.Count}, in the ledger after the kill {await ledger.RowsAsync()}");

        // A feed re-sends what it got no answer for: taken once, whatever the crash did with it.
        var unanswered = sent.Except(acked).ToList();
        using var client = Client(second.Address, token);
        foreach (var chunk in unanswered.Chunk(BatchSize))
        {
            (await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(chunk.Select(ClaimById))))).EnsureSuccessStatusCode();
        }

        Assert.Equal(sent.Count, await ledger.RowsAsync());
        await AssertBalancesEqualLedgerAsync(second, token, ledger);
    }

    private static async Task AssertBalancesEqualLedgerAsync(HostProcess host, string token, LedgerTotals ledger)
    {
        using var client = Client(host.Address, token);
        async Task<FundView> Fund(string level, string id) => (await client.GetFromJsonAsync<FundView>($"/api/funds/{level}/{id}"))!;

        var county = await Fund("county", "530922");
        Assert.Equal(await ledger.FundPaidAsync(TestClaims.ExampleHospitals), county.FundPaid);
        Assert.Equal(await ledger.ClaimsStandingAsync(TestClaims.ExampleHospitals), county.ClaimsCounted);
        Assert.Equal(await ledger.FundPaidAsync(Alliance), (await Fund("alliance", "YX-TIGHT")).FundPaid);
        foreach (var hospital in TestClaims.ExampleHospitals)
        {
            Assert.Equal(await ledger.FundPaidAsync(hospital), (await Fund("hospital", hospital)).FundPaid);
        }
    }

    private static readonly ConcurrentDictionary<string, string> Claims = new();

    private static string ClaimById(string claimId) => Claims[claimId];

    private static async Task PostUntilStoppedAsync(
        Uri address, string token, int poster, ConcurrentBag<string> sent, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        using var client = Client(address, token);
        for (var batch = 0; !stop.IsCancellationRequested; batch++)
        {
            var claims = TestClaims.Settlements($"crash-{poster}-{batch:D4}", BatchSize, seed: poster * 10_000 + batch);
            var ids = claims.Select(c => c[(c.IndexOf("\"claimId\":\"", StringComparison.Ordinal) + 11)..].Split('"')[0]).ToList();
            for (var i = 0; i < ids.Count; i++)
            {
                Claims[ids[i]] = claims[i];
                sent.Add(ids[i]);
            }

            try
            {
                using var response = await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)), stop);
                if (response.IsSuccessStatusCode)
                {
                    foreach (var id in ids)
                    {
                        acknowledged.Add(id);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The host died under this request: no answer, so the claims are not acknowledged.
                return;
            }
        }
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Through the host's own token command, under the same settings: what an operator would do.</summary>
    private static async Task<string> MintTokenAsync(string[] settings)
    {
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(["token", "--role", "admin", .. settings]);
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }
}
