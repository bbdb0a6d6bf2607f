using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// The coding watch across a SIGKILL on PostgreSQL: a hospital starts coding heavier, is alerted, the host is killed,
/// and the restarted host rebuilds the watch from the ledger. The finding is not raised twice, and the case-mix
/// indicators come back with every case.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class UpcodingCrashTests(PostgresServer postgres)
{
    private const string Hospital = "H53092200001";
    private const int CasesPerWeek = 60;

    [Fact]
    public async Task An_upcoding_alert_raised_before_a_sigkill_is_not_raised_again_and_the_indicators_come_back()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var settings = PostgresHostSettings.For(connection,
            "--Monitoring:Demo:Enabled=false",
            $"--Monitoring:Registry:Path={Path.Combine(ContractFiles.Directory, "examples", "registry.json")}",
            $"--Monitoring:Cluster:SiloPort={FreePort.Next()}");
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(["token", "--role", "admin", .. settings]);
        Assert.True(exitCode == 0, stderr);
        var token = stdout.Trim();

        var first = await HostProcess.StartAsync(settings);
        using (var client = Client(first.Address, token))
        {
            foreach (var week in Enumerable.Range(0, 18))
            {
                (await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(Week(week))))).EnsureSuccessStatusCode();
            }

            Assert.Single(await RaisedAsync(client));
        }

        await first.KillAsync();
        await first.DisposeAsync();

        await using var second = await HostProcess.StartAsync(settings);
        using var after = Client(second.Address, token);
        (await after.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(Week(17))))).EnsureSuccessStatusCode();
        (await after.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(Week(18))))).EnsureSuccessStatusCode();

        var raised = Assert.Single(await RaisedAsync(after));
        Assert.StartsWith($"upcoding/{Hospital}/", raised, StringComparison.Ordinal);

        // The region's indicators live in memory: the rebuilt watch reports them again, all 19 weeks of cases.
        var clock = Stopwatch.StartNew();
        var cases = await CasesAsync(after);
        while (cases < 19 * CasesPerWeek && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            cases = await CasesAsync(after);
        }

        Assert.Equal(19 * CasesPerWeek, cases);
    }

    private static async Task<long> CasesAsync(HttpClient client)
    {
        using var report = JsonDocument.Parse(await client.GetStringAsync($"/api/casemix/hospital/{Hospital}"));
        return report.RootElement.GetProperty("yearToDate").GetProperty("cases").GetInt64();
    }

    private static async Task<List<string>> RaisedAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/alerts?kind=upcoding&hospitalId={Hospital}&limit=100"));
        return [.. document.RootElement.EnumerateArray().Select(a => a.GetProperty("alertId").GetString()!).Where(id => id.EndsWith("/raised", StringComparison.Ordinal))];
    }

    /// <summary>
    /// One week of pneumonia cases: 40% coded CC (ES23) up to week 10, then 60%, the extra ones with the cost of an
    /// uncomplicated case.
    /// </summary>
    private static List<string> Week(int week)
    {
        var day = new DateOnly(2026, 1, 1).AddDays((7 * week) + 1);
        var settledAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var heavy = week < 10 ? 24 : 36;
        return [.. Enumerable.Range(0, CasesPerWeek).Select(i =>
        {
            var claim = TestClaims.Settlement($"up-{week:D2}-{i:D2}", Hospital, settledAt.AddMinutes(i), day.AddDays(-1),
                i < 24 ? 5_400m : 4_200m, i < 24 ? 7_800m : 6_000m, $"P-up-{week:D2}-{i:D2}");
            return i < heavy ? claim : claim.Replace("\"drgCode\":\"ES23\",\"drgWeight\":0.92", "\"drgCode\":\"ES25\",\"drgWeight\":0.72", StringComparison.Ordinal);
        })];
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
