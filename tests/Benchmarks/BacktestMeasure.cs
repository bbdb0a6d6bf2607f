using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Demo;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// How long a backtest (回溯测试) of a prefecture's year takes, and whether it agrees with the live detector. Posts a
/// demo year to a host (embedded, or on a throwaway PostgreSQL with <c>--postgres</c>), drafts a shorter
/// split-hospitalization window for the region, backtests it over the year and reports the time, the rows replayed,
/// what changed, and the check that the backtest's side of the rules in force (removed + unchanged) equals the live
/// standing pair alerts, and that those alerts are the same after the backtest. With <c>--pace POINTS</c> it drafts a
/// budget-pace notice gap instead and holds the backtest against the live budget-pace alerts up to the day before
/// the year's last settlement day (the last is judged live only once a later claim ends it).
/// </summary>
public static class BacktestMeasure
{
    public static async Task<int> RunAsync(string[] args)
    {
        var claimCount = BenchmarkArgs.Int(args, "--claims", 200_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 5_000);
        var seed = BenchmarkArgs.Int(args, "--seed", 2026);
        var year = BenchmarkArgs.Int(args, "--year", 2025);
        var window = BenchmarkArgs.Int(args, "--window", 7);
        var postgres = args.Contains("--postgres");
        var pace = BenchmarkArgs.Int(args, "--pace", 0);
        var (ruleId, parameter, value) = pace > 0 ? ("budget-pace", "noticeGapPoints", pace) : ("split-hospitalization", "windowDays", window);

        var scenario = DemoPrefecture.Plan(seed, year);
        var claims = new DemoClaimStream(scenario, seed, claimCount).Claims().ToList();
        Console.WriteLine($"backtest-measure: {claims.Count:N0} events of a {claimCount:N0}-claim demo year {year} (seed {seed}), {(postgres ? "PostgreSQL" : "embedded")} host, draft {ruleId} {parameter} {value}");
        var registry = Path.Combine(Path.GetTempPath(), $"backtest-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact));
        await using var database = postgres ? new PostgresServer() : null;
        try
        {
            List<string> settings = [$"--Monitoring:Registry:Path={registry}", "--Logging:LogLevel:Default=Warning", .. BenchmarkArgs.OnlyDetector("Readmission")];
            if (database is not null)
            {
                settings.AddRange(await BenchmarkArgs.PostgresAsync(database));
            }

            await using var host = await RunningHost.StartAsync([.. settings]);
            using (var ingest = host.Ingest())
            {
                if (!await DemoYearClient.PostAsync(ingest, claims, batch))
                {
                    return 1;
                }
            }

            using var admin = host.Admin();
            var lastDay = claims.Max(c => DateOnly.FromDateTime(DateTimeOffset.Parse((string)c["settledAt"]!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime));
            var to = pace > 0 ? lastDay.AddDays(-1) : new DateOnly(year, 12, 31);
            Func<Task<HashSet<string>>> liveAlerts = pace > 0 ? () => PaceAlertsAsync(admin, to) : () => StandingPairsAsync(admin);
            var live = await liveAlerts();
            Console.WriteLine($"live             : {live.Count:N0} {(pace > 0 ? $"budget-pace alerts through {to:yyyy-MM-dd}" : "standing split-pair alerts")} after the year");

            using var drafted = await admin.PostAsJsonAsync($"/api/rules/{ruleId}/drafts", new
            {
                scope = $"region:{DemoPrefecture.RegionId}", effectiveFrom = $"{year}-01-01", parameters = new Dictionary<string, decimal> { [parameter] = value }, reason = "backtest-measure",
            });
            var version = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>();
            var clock = Stopwatch.StartNew();
            using var started = await admin.PostAsJsonAsync("/api/backtests", new { ruleId, version, from = $"{year}-01-01", to = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            if (started.StatusCode != HttpStatusCode.Accepted)
            {
                Console.Error.WriteLine($"backtest refused: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
                return 1;
            }

            var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["backtestId"]!.GetValue<string>();
            JsonObject report;
            var polls = 0;
            do
            {
                await Task.Delay(200);
                report = (await admin.GetFromJsonAsync<JsonObject>($"/api/backtests/{id}"))!;
                polls++;
            }
            while ((string?)report["status"] == "running");

            var elapsed = clock.Elapsed;
            if ((string?)report["status"] != "done")
            {
                Console.Error.WriteLine($"backtest {report["status"]}: {report["error"]}");
                return 1;
            }

            var total = report["total"]!;
            var (added, removed, unchanged) = ((int)total["added"]!, (int)total["removed"]!, (int)total["unchanged"]!);
            var rows = (long)report["claimsRead"]!;
            Console.WriteLine($"backtest         : {elapsed.TotalSeconds:F1} s from POST to done ({polls} polls), {rows:N0} ledger rows read, {rows / elapsed.TotalSeconds:N0} rows/s");
            Console.WriteLine($"changes          : {added:N0} added, {removed:N0} removed, {unchanged:N0} unchanged by {parameter} {value}");
            foreach (var county in report["byCounty"]!.AsArray())
            {
                Console.WriteLine($"  {(string?)county!["name"],-6} {(string)county["key"]!}: {(int)county["added"]!,5} added {(int)county["removed"]!,5} removed {(int)county["unchanged"]!,6} unchanged");
            }

            foreach (var fund in report["byFund"]?.AsArray() ?? [])
            {
                Console.WriteLine($"  {(string?)fund!["name"],-12} {(string)fund["key"]!}: {(int)fund["added"]!,5} added {(int)fund["removed"]!,5} removed {(int)fund["unchanged"]!,6} unchanged");
            }

            var after = await liveAlerts();
            var agrees = removed + unchanged == live.Count;
            var untouched = after.SetEquals(live);
            Console.WriteLine($"agreement        : rules in force in the backtest {removed + unchanged:N0} vs live {live.Count:N0}: {(agrees ? "equal" : "DIFFERENT")}");
            Console.WriteLine($"isolation        : live alerts after the backtest {(untouched ? "the same" : "CHANGED")} ({after.Count:N0})");
            return agrees && untouched ? 0 : 3;
        }
        finally
        {
            File.Delete(registry);
        }
    }

    private static async Task<HashSet<string>> PaceAlertsAsync(HttpClient admin, DateOnly through) =>
        [.. (await DemoYearClient.AlertsAsync(admin, "budget-pace"))
            .Where(a => DateOnly.FromDateTime(DateTimeOffset.Parse((string)a["asOf"]!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime) <= through)
            .Select(a => (string)a["alertId"]!)];

    private static async Task<HashSet<string>> StandingPairsAsync(HttpClient admin) =>
        [.. (await DemoYearClient.AlertsAsync(admin, "split-hospitalization"))
            .Where(a => ((string)a["alertId"]!).Contains("/pair/", StringComparison.Ordinal) && (string?)a["status"] != "withdrawn")
            .Select(a => (string)a["alertId"]!)];
}
