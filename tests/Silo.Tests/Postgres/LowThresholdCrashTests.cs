using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// The low-threshold watch across a SIGKILL on PostgreSQL: the alarm raised before the kill is stored in grain storage,
/// the weeks are rebuilt from the ledger after the restart, and a further high week neither raises the alert again nor
/// loses it.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class LowThresholdCrashTests(PostgresServer postgres)
{
    /// <summary>云县凯达医院, a level-1 private hospital of the contract's example registry.</summary>
    private const string Hospital = "H53092200201";
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_alarm_raised_before_a_sigkill_stands_after_restart_and_is_not_raised_again()
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
            for (var week = 0; week < 14; week++)
            {
                await PostAsync(client, Week(week, week >= 12 ? 12 : 1));
            }

            await PostAsync(client, [Stay("LTC-14-00", 14, 0, false)]);
            var before = await ReadUntilAsync(client, $"/api/alerts?kind=low-threshold-admission&hospitalId={Hospital}", a => a.GetArrayLength() > 0);
            Assert.Single(before.EnumerateArray());
        }

        await first.KillAsync();
        await first.DisposeAsync();

        await using var second = await HostProcess.StartAsync(settings);
        using var after = Client(second.Address, token);
        await PostAsync(after, Week(14, 12)[1..]);
        await PostAsync(after, [Stay("LTC-15-00", 15, 0, false)]);

        // Settlement week 14 (9–15 April; weeks count from 1 January) is judged once the stay of week 15 arrives.
        var standing = await ReadUntilAsync(after, $"/api/low-threshold/hospital/{Hospital}", s => s.GetProperty("judgedThrough").GetString() == "2026-04-15");
        Assert.Equal("2026-04-15", standing.GetProperty("judgedThrough").GetString());
        Assert.Equal("warning", standing.GetProperty("level").GetString());
        using var alerts = JsonDocument.Parse(await after.GetStringAsync($"/api/alerts?kind=low-threshold-admission&hospitalId={Hospital}"));
        var alert = Assert.Single(alerts.RootElement.EnumerateArray());
        Assert.Equal("2026-04-01T23:59:59+08:00", alert.GetProperty("asOf").GetString());
    }

    private static List<string> Week(int week, int shortAndCheap) =>
        [.. Enumerable.Range(0, 30).Select(k => Stay($"LTC-{week:D2}-{k:D2}", week, k, k < shortAndCheap))];

    private static string Stay(string claimId, int week, int k, bool shortAndCheap)
    {
        var discharge = Monday.AddDays((7 * week) + 1);
        var settled = new DateTimeOffset(discharge.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(k);
        var cost = shortAndCheap ? 700m : 2_400m;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"claimId":"{{claimId}}","kind":"settlement","settledAt":"{{settled:yyyy-MM-dd'T'HH:mm:sszzz}}","patientId":"P-{{claimId}}","hospitalId":"{{Hospital}}","insuranceType":"resident","admissionDate":"{{discharge.AddDays(shortAndCheap ? -1 : -6):yyyy-MM-dd}}","dischargeDate":"{{discharge:yyyy-MM-dd}}","dischargeDisposition":"1","principalDiagnosis":"J06.900","drgCode":"DT15","drgWeight":0.33,"paymentMethod":"drg","totalCost":{{cost}},"fundPaid":{{cost * 0.7m}}}
            """);
    }

    private static async Task PostAsync(HttpClient client, IReadOnlyList<string> claims) =>
        (await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)))).EnsureSuccessStatusCode();

    private static async Task<JsonElement> ReadUntilAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var document = JsonDocument.Parse(await client.GetStringAsync(path)).RootElement;
        while (!done(document) && clock.Elapsed < Patience)
        {
            await Task.Delay(100);
            document = JsonDocument.Parse(await client.GetStringAsync(path)).RootElement;
        }

        return document;
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
