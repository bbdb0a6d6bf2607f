using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Demo;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// Whether findings are a function of the ledger alone. Posts one demo year three times, each to a host process on a
/// fresh PostgreSQL database, always by two posters at once: (A) uninterrupted in batches of <c>--batch</c>; (B) the
/// same, with the host killed (SIGKILL) at a quarter and at three quarters of the batches and PostgreSQL restarted at
/// half, then everything sent again; (C) in batches of 200 with the events of each settlement day shuffled. A reversal
/// that raced its settlement is sent again, as docs/claim-events.md tells a feed to. Prints the alert sets of B and C
/// against A by id, severity, asOf and final status, and the county balances.
/// </summary>
public static class FaultMeasure
{
    private const string SigningKey = "fault-measure-signing-key-fault-measure-signing-key";
    private const string NotYetSettled = "is not a settlement in the ledger";

    public static async Task<int> RunAsync(string[] args)
    {
        var claimCount = BenchmarkArgs.Int(args, "--claims", 50_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 5_000);
        var seed = BenchmarkArgs.Int(args, "--seed", 2025);
        var scenario = DemoPrefecture.Plan(seed, 2025);
        var claims = new DemoClaimStream(scenario, seed, claimCount).Claims().ToList();
        var registry = Path.Combine(Path.GetTempPath(), $"fault-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact));
        var counties = scenario.Registry.Regions.SelectMany(r => r.Counties).Select(c => c.CountyId).ToList();
        Console.WriteLine($"fault-measure: {claims.Count:N0} events of a {claimCount:N0}-claim demo year (seed {seed}), two posters, PostgreSQL host processes");
        try
        {
            var clean = await RunOnceAsync("A uninterrupted", registry, counties, claims, batch, faults: false);
            var faulted = await RunOnceAsync("B 2 x kill -9 + PostgreSQL restart + re-send", registry, counties, claims, batch, faults: true);
            var shuffled = await RunOnceAsync("C batches of 200, shuffled within each day", registry, counties, ShuffledWithinDays(claims, seed), 200, faults: false);
            var differences = Compare("B", clean, faulted) + Compare("C", clean, shuffled);
            Console.WriteLine($"differences    : {differences} (target 0)");
            return differences == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(registry);
        }
    }

    private sealed record Outcome(string Name, Dictionary<string, string> Alerts, Dictionary<string, decimal> Balances, TimeSpan Took);

    private static async Task<Outcome> RunOnceAsync(
        string name, string registry, List<string> counties, List<JsonObject> claims, int batch, bool faults)
    {
        await using var database = new PostgresServer();
        await database.InitializeAsync();
        string[] settings =
        [
            "--Monitoring:Storage:Provider=PostgreSql",
            $"--Monitoring:Storage:ConnectionString={await database.CreateDatabaseAsync()}",
            $"--Monitoring:Auth:SigningKey={SigningKey}",
            $"--Monitoring:Registry:Path={registry}",
            "--Monitoring:Demo:Enabled=false",
            $"--Monitoring:Cluster:SiloPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var ingestToken = await TokenAsync("ingest", settings);
        var adminToken = await TokenAsync("admin", settings);
        var started = DateTimeOffset.UtcNow;
        var host = await HostProcess.StartAsync(settings);
        try
        {
            var batches = claims.Chunk(batch).Select(Body).ToList();
            var posted = 0;
            var retried = 0;
            var raced = new List<JsonObject>();
            async Task PostAllAsync(int poster)
            {
                for (var i = poster; i < batches.Count; i += 2)
                {
                    var (refused, tries) = await PostUntilTakenAsync(() => host.Address, ingestToken, batches[i]);
                    Interlocked.Add(ref retried, tries - 1);
                    lock (raced)
                    {
                        raced.AddRange(refused.Select(index => claims[(i * batch) + index]));
                    }

                    Interlocked.Increment(ref posted);
                }
            }

            var posters = Task.WhenAll(PostAllAsync(0), PostAllAsync(1));
            if (faults)
            {
                await WhenPostedAsync(() => posted, batches.Count / 4);
                host = await KillAndRestartAsync(host, settings);
                await WhenPostedAsync(() => posted, batches.Count / 2);
                await database.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(3));
                await database.StartAgainAsync();
                await WhenPostedAsync(() => posted, batches.Count * 3 / 4);
                host = await KillAndRestartAsync(host, settings);
            }

            await posters;
            if (faults)
            {
                // The feed does not know what the kills cost it: it sends everything again (all duplicates).
                posted = 0;
                await Task.WhenAll(PostAllAsync(0), PostAllAsync(1));
            }

            // Reversals that reached the ledger before their settlement, sent again as the refusal says.
            var resent = raced.Count;
            while (raced.Count > 0)
            {
                var again = raced.ToList();
                raced.Clear();
                var (refused, _) = await PostUntilTakenAsync(() => host.Address, ingestToken, Body(again));
                raced.AddRange(refused.Select(index => again[index]));
            }

            using var admin = Client(host.Address, adminToken);
            var alerts = await SettledAlertsAsync(admin);
            var balances = new Dictionary<string, decimal>();
            foreach (var county in counties)
            {
                var fund = await admin.GetFromJsonAsync<JsonObject>($"/api/funds/county/{county}");
                balances[county] = (decimal)fund!["fundPaid"]!;
            }

            var outcome = new Outcome(name, alerts, balances, DateTimeOffset.UtcNow - started);
            Console.WriteLine($"{name,-46}: {alerts.Count} alerts ({string.Join(", ", alerts.GroupBy(a => a.Key.Split('/')[0]).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}), "
                + $"{resent} raced reversals re-sent, {retried} batch retries, fund paid {balances.Values.Sum():N2} yuan, {outcome.Took.TotalSeconds:0} s");
            return outcome;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<HostProcess> KillAndRestartAsync(HostProcess host, string[] settings)
    {
        await host.KillAsync();
        await host.DisposeAsync();
        return await HostProcess.StartAsync(settings);
    }

    private static async Task WhenPostedAsync(Func<int> posted, int count)
    {
        while (posted() < count)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Sends a batch until it is taken; returns the indexes refused as reversals ahead of their settlement.</summary>
    private static async Task<(List<int> Raced, int Tries)> PostUntilTakenAsync(Func<Uri> address, string token, string body)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                using var client = Client(address(), token);
                using var response = await client.PostAsync("/api/claims", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var reply = (await response.Content.ReadFromJsonAsync<IngestReplyView>())!;
                    var other = reply.Rejected.Where(r => !r.Errors.Any(e => e.Contains(NotYetSettled, StringComparison.Ordinal))).ToList();
                    if (other.Count > 0)
                    {
                        Console.Error.WriteLine($"  refused for good: {other.Count}, e.g. {other[0].ClaimId}: {other[0].Errors[0]}");
                    }

                    return ([.. reply.Rejected.Where(r => r.Errors.Any(e => e.Contains(NotYetSettled, StringComparison.Ordinal))).Select(r => r.Index)], tries);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The host is down or restarting: a feed sends the batch again.
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Every alert as "severity asOf status" by id, read until two reads 10 s apart agree (delivery and catch-up are asynchronous).</summary>
    private static async Task<Dictionary<string, string>> SettledAlertsAsync(HttpClient admin)
    {
        var last = await AllAlertsAsync(admin);
        for (var round = 0; round < 30; round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            var now = await AllAlertsAsync(admin);
            if (now.Count == last.Count && now.All(a => last.TryGetValue(a.Key, out var v) && v == a.Value))
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    private static async Task<Dictionary<string, string>> AllAlertsAsync(HttpClient admin) =>
        (await DemoYearClient.AlertsAsync(admin, kind: null)).ToDictionary(
            a => (string)a["alertId"]!,
            a => $"{(string)a["severity"]!} {(string)a["asOf"]!} {(string)a["status"]!}");

    private static int Compare(string name, Outcome baseline, Outcome other)
    {
        var onlyBaseline = baseline.Alerts.Keys.Except(other.Alerts.Keys).Order(StringComparer.Ordinal).ToList();
        var onlyOther = other.Alerts.Keys.Except(baseline.Alerts.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = baseline.Alerts.Keys.Intersect(other.Alerts.Keys).Where(id => baseline.Alerts[id] != other.Alerts[id]).Order(StringComparer.Ordinal).ToList();
        var balances = baseline.Balances.Keys.Count(c => baseline.Balances[c] != other.Balances.GetValueOrDefault(c));
        Console.WriteLine($"A vs {name,-10} : {onlyBaseline.Count} only in A, {onlyOther.Count} only in {name}, {changed.Count} with another severity/asOf/status; "
            + $"{balances} county balances differ");
        foreach (var (what, ids) in new[] { ("only in A", onlyBaseline), ($"only in {name}", onlyOther), ("changed", changed) })
        {
            foreach (var kind in ids.GroupBy(id => id.Split('/')[0]))
            {
                Console.WriteLine($"    {what,-10} {kind.Count(),4} {kind.Key}, e.g. {kind.First()}"
                    + (what == "changed" ? $": {baseline.Alerts[kind.First()]} vs {other.Alerts[kind.First()]}" : ""));
            }
        }

        return onlyBaseline.Count + onlyOther.Count + changed.Count + balances;
    }

    /// <summary>The same events, each settlement day's in another order (seeded), days in order.</summary>
    private static List<JsonObject> ShuffledWithinDays(List<JsonObject> claims, int seed)
    {
        var random = new Random(seed);
        return [.. claims
            .GroupBy(c => DateOnly.FromDateTime(DemoClaimStream.SettledAtOf(c).ToOffset(TimeSpan.FromHours(8)).DateTime))
            .SelectMany(day => day.OrderBy(_ => random.Next()))];
    }

    private static string Body(IEnumerable<JsonObject> claims)
    {
        var body = new StringBuilder();
        foreach (var claim in claims)
        {
            body.Append(claim.ToJsonString(DemoJson.Compact)).Append('\n');
        }

        return body.ToString();
    }

    private static async Task<string> TokenAsync(string role, string[] settings)
    {
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(["token", "--role", role, .. settings]);
        return exitCode == 0 ? stdout.Trim() : throw new InvalidOperationException($"token --role {role}: {stderr}");
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
