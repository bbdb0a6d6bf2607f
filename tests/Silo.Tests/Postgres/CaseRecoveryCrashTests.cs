using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// A confirmed recovery across a SIGKILL: the hospital's balance and its roll-ups still show it exactly once, and the
/// case with its whole history is as it was.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class CaseRecoveryCrashTests(PostgresServer postgres)
{
    private const string Hospital = "H53092200001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_confirmed_recovery_survives_a_sigkill_to_the_fen_and_is_booked_once()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var ledger = new LedgerTotals(connection);
        var settings = PostgresHostSettings.For(connection,
            "--Monitoring:Demo:Enabled=false",
            $"--Monitoring:Registry:Path={Path.Combine(ContractFiles.Directory, "examples", "registry.json")}",
            // Long checkpoint intervals: the recovery is in no checkpoint when the process dies, only in the ledger.
            "--Monitoring:Checkpoint:Interval=00:10:00",
            $"--Monitoring:Cluster:SiloPort={FreePort.Next()}");
        var admin = await TokenAsync(settings, "admin", null, null);
        var inspector = await TokenAsync(settings, "inspector", "county:530922", "insp-a");
        var hospital = await TokenAsync(settings, "hospital", $"hospital:{Hospital}", "hospital-1");
        var (first, second) = TestSplitPairs.Pair("crash-case", Hospital, day: 100, firstPaid: 5_123.45m, secondPaid: 6_789.01m);
        var noise = TestClaims.Settlements("crash-noise", 40, seed: 7, startDayOfYear: 90);

        string caseId;
        decimal hospitalBefore, countyBefore;
        var firstHost = await HostProcess.StartAsync(settings);
        using (var client = Client(firstHost.Address, admin))
        {
            (await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([.. noise, first, second])))).EnsureSuccessStatusCode();
            var opened = await UntilAsync(client, "/api/cases?hospitalId=" + Hospital, list => list.GetArrayLength() == 1);
            caseId = opened[0].GetProperty("caseId").GetString()!;
            hospitalBefore = await FundPaidAsync(client, "hospital", Hospital);
            countyBefore = await FundPaidAsync(client, "county", "530922");
        }

        using (var asInspector = Client(firstHost.Address, inspector))
        using (var asHospital = Client(firstHost.Address, hospital))
        {
            await ActAsync(asInspector, caseId, new { action = "take" });
            await ActAsync(asInspector, caseId, new { action = "ask-hospital", note = "Explain the readmission." });
            await ActAsync(asHospital, caseId, new { action = "answer", note = "Family request." });
            await ActAsync(asInspector, caseId, new { action = "confirm", amount = 6_789.01m, note = "not justified" });
        }

        await firstHost.KillAsync();
        await firstHost.DisposeAsync();

        await using var secondHost = await HostProcess.StartAsync(settings);
        using var after = Client(secondHost.Address, admin);
        Assert.Equal(hospitalBefore - 6_789.01m, await FundPaidAsync(after, "hospital", Hospital));
        Assert.Equal(countyBefore - 6_789.01m, await FundPaidAsync(after, "county", "530922"));
        Assert.Equal(await ledger.FundPaidAsync(Hospital), await FundPaidAsync(after, "hospital", Hospital));
        Assert.Equal(1L, await ledger.ScalarAsync<long>("SELECT count(*) FROM claims_ledger WHERE kind = 'recovery'"));

        var standing = await after.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(("confirmed", 6_789.01m), (standing.GetProperty("status").GetString(), standing.GetProperty("recovered").GetDecimal()));
        Assert.Equal(["open", "take", "ask-hospital", "answer", "confirm"], standing.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    private static async Task<JsonElement> UntilAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var document = await client.GetFromJsonAsync<JsonElement>(path);
        while (!done(document) && clock.Elapsed < Patience)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            document = await client.GetFromJsonAsync<JsonElement>(path);
        }

        Assert.True(done(document), $"{path} never became what the test waits for: {document}");
        return document;
    }

    private static async Task<decimal> FundPaidAsync(HttpClient client, string level, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/funds/{level}/{id}")).GetProperty("fundPaid").GetDecimal();

    private static async Task ActAsync(HttpClient client, string caseId, object action)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/actions", action);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Through the host's own token command, under the same settings.</summary>
    private static async Task<string> TokenAsync(string[] settings, string role, string? scope, string? subject)
    {
        string[] args = ["token", "--role", role, .. scope is null ? Array.Empty<string>() : ["--scope", scope], .. subject is null ? Array.Empty<string>() : ["--subject", subject], .. settings];
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(args);
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }
}
