using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// Split hospitalization across a SIGKILL: first stays acknowledged before the kill, second stays (and re-sends of
/// the first) after the restart. The readmission watch has no checkpoint and rebuilds from the ledger, so every pair
/// is found, and none is alerted twice.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class SplitPairCrashTests(PostgresServer postgres)
{
    private const int Patients = 40;

    [Fact]
    public async Task Pairs_whose_first_stay_came_before_a_sigkill_are_each_alerted_exactly_once_after_restart()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var settings = PostgresHostSettings.For(connection,
            "--Monitoring:Demo:Enabled=false",
            $"--Monitoring:Registry:Path={Path.Combine(ContractFiles.Directory, "examples", "registry.json")}",
            $"--Monitoring:Cluster:SiloPort={FreePort.Next()}");
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(["token", "--role", "admin", .. settings]);
        Assert.True(exitCode == 0, stderr);
        var token = stdout.Trim();

        // Patient i: first stay at hospital 1, readmitted 3 days later at hospital 2 of the same tight alliance.
        var firsts = Enumerable.Range(0, Patients).Select(i => Stay($"first-{i:D3}", "H53092200001", $"P-crash-{i:D3}", discharge: 40, settled: 42)).ToList();
        var seconds = Enumerable.Range(0, Patients).Select(i => Stay($"second-{i:D3}", "H53092200002", $"P-crash-{i:D3}", discharge: 48, settled: 50)).ToList();

        var first = await HostProcess.StartAsync(settings);
        using (var client = Client(first.Address, token))
        {
            (await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(firsts)))).EnsureSuccessStatusCode();
        }

        await first.KillAsync();
        await first.DisposeAsync();

        await using var second = await HostProcess.StartAsync(settings);
        using var after = Client(second.Address, token);
        // The feed re-sends what it sent last (duplicates), then the readmissions.
        (await after.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(firsts)))).EnsureSuccessStatusCode();
        foreach (var chunk in seconds.Chunk(7))
        {
            (await after.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(chunk)))).EnsureSuccessStatusCode();
        }

        var alerts = await PairAlertsAsync(after);
        Assert.Equal(Patients, alerts.Count);
        Assert.Equal(Patients, alerts.Select(a => a.ClaimIds).Distinct().Count());
        Assert.All(Enumerable.Range(0, Patients), i => Assert.Contains(alerts, a => a.ClaimIds == $"first-{i:D3},second-{i:D3}"));
    }

    private static async Task<List<(string AlertId, string ClaimIds)>> PairAlertsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/alerts?kind=split-hospitalization&limit=1000"));
        return [.. document.RootElement.EnumerateArray()
            .Where(a => a.GetProperty("claimIds").GetArrayLength() == 2)
            .Select(a => (a.GetProperty("alertId").GetString()!, string.Join(",", a.GetProperty("claimIds").EnumerateArray().Select(c => c.GetString()))))];
    }

    private static string Stay(string claimId, string hospital, string patient, int discharge, int settled)
    {
        var year = new DateOnly(2026, 1, 1);
        var settledAt = new DateTimeOffset(year.AddDays(settled - 1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        return TestClaims.Settlement(claimId, hospital, settledAt, year.AddDays(discharge - 1), 4000m, 6000m, patient);
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
