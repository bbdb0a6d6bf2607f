using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Demo;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// Whether the budget alerts of the real host are early and quiet where they should be. Posts a demo year with the
/// budget stories planted (<see cref="BudgetPlanting"/>) to a host (embedded, or on a throwaway PostgreSQL with
/// <c>--postgres</c>), reads back every <c>budget-pace</c> and <c>budget-exhausted</c> alert, and holds them against
/// <see cref="BudgetPaceTruth"/> computed from the same claims: for each planted fund and each fund that ran 10 points
/// ahead or spent its budget, the first alert against the day its gap crossed +10 points and the day it was exhausted;
/// and every budget alert on a fund that kept pace. Days are settlement days (an alert's <c>asOf</c>).
/// </summary>
public static class BudgetMeasure
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task<int> RunAsync(string[] args)
    {
        var claimCount = BenchmarkArgs.Int(args, "--claims", 200_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 5_000);
        var seed = BenchmarkArgs.Int(args, "--seed", 2026);
        var postgres = args.Contains("--postgres");

        var (scenario, planted) = BudgetPlanting.Plant(DemoPrefecture.Plan(seed, 2026), 2026);
        var claims = new DemoClaimStream(scenario, seed, claimCount).Claims().ToList();
        var truth = BudgetPaceTruth.Compute(scenario.Registry, claims);
        Console.WriteLine($"budget-measure: {claims.Count:N0} events of a {claimCount:N0}-claim demo year (seed {seed}), batches of {batch:N0}, {(postgres ? "PostgreSQL" : "embedded")} host");
        Console.WriteLine($"funds          : {truth.Count} accounts; {truth.Count(t => t.KeptPace)} kept pace (never > 4 points ahead, ended within 97%), "
            + $"{truth.Count(t => t.CrossedTenPointsOn is not null)} crossed +10 points, {truth.Count(t => t.ExhaustedOn is not null)} exhausted their budget");

        var registry = Path.Combine(Path.GetTempPath(), $"budget-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact));
        await using var database = postgres ? new PostgresServer() : null;
        try
        {
            List<string> settings = [$"--Monitoring:Registry:Path={registry}", "--Logging:LogLevel:Default=Warning"];
            if (database is not null)
            {
                await database.InitializeAsync();
                settings.AddRange(
                [
                    "--Monitoring:Storage:Provider=PostgreSql",
                    $"--Monitoring:Storage:ConnectionString={await database.CreateDatabaseAsync()}",
                    "--Monitoring:Auth:SigningKey=benchmark-signing-key-benchmark-signing-key",
                ]);
            }

            await using var host = await RunningHost.StartAsync([.. settings]);
            var started = DateTimeOffset.UtcNow;
            using (var ingest = host.Ingest())
            {
                if (!await DemoYearClient.PostAsync(ingest, claims, batch))
                {
                    return 1;
                }
            }

            Console.WriteLine($"posted         : {claims.Count:N0} events in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s, every batch 200");
            using var admin = host.Admin();
            var alerts = new List<JsonObject>();
            foreach (var kind in new[] { "budget-pace", "budget-exhausted" })
            {
                alerts.AddRange(await DemoYearClient.AlertsAsync(admin, kind));
            }

            return Report(truth, planted, alerts) ? 0 : 1;
        }
        finally
        {
            File.Delete(registry);
        }
    }

    private static DateOnly DayOf(JsonObject alert) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse((string)alert["asOf"]!, CultureInfo.InvariantCulture).ToOffset(China).DateTime);

    private static string Describe(JsonObject alert) =>
        $"{DayOf(alert):yyyy-MM-dd} {(string)alert["kind"]!} {(string)alert["transition"]!} {(string)alert["severity"]!}";

    /// <summary>Prints the comparison; true when every target is met.</summary>
    private static bool Report(IReadOnlyList<FundPaceTruth> truth, IReadOnlyList<PlantedBudgetFund> planted, List<JsonObject> alerts)
    {
        var bySubject = alerts
            .GroupBy(a => ((string)a["subject"]!["level"]!, (string)a["subject"]!["id"]!))
            .ToDictionary(g => g.Key, g => g.OrderBy(DayOf).ThenBy(a => (string)a["alertId"]!, StringComparer.Ordinal).ToList());
        List<JsonObject> Of(FundPaceTruth fund) => bySubject.GetValueOrDefault((fund.Level, fund.Id)) ?? [];
        var raises = alerts.Count(a => (string)a["transition"]! is "raised" or "escalated");
        Console.WriteLine($"alerts         : {alerts.Count} budget alerts ({raises} raised or escalated, "
            + $"{alerts.Count(a => (string)a["transition"]! == "cleared")} cleared; "
            + string.Join(", ", alerts.GroupBy(a => (string)a["severity"]!).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")) + ")");

        var plantedIds = planted.ToDictionary(p => (p.Level, p.Id));
        var watched = truth.Where(t => plantedIds.ContainsKey((t.Level, t.Id)) || t.CrossedTenPointsOn is not null || t.ExhaustedOn is not null)
            .OrderBy(t => t.Level).ThenBy(t => t.Id).ToList();
        Console.WriteLine();
        Console.WriteLine("fund                                     story                      +10 crossed  first alert (day, level)         delay  exhausted    exhausted alert  delay  max gap  year end");
        var late = new List<string>();
        foreach (var fund in watched)
        {
            var own = Of(fund);
            var first = own.FirstOrDefault(a => (string)a["transition"]! is "raised" or "escalated");
            var exhaustedAlert = own.FirstOrDefault(a => (string)a["kind"]! == "budget-exhausted" && (string)a["transition"]! == "raised");
            var story = plantedIds.TryGetValue((fund.Level, fund.Id), out var p) ? $"{p.Story} {p.From:MM-dd}" : "";
            string Delay(DateOnly? truthDay, JsonObject? alert) =>
                truthDay is { } day && alert is not null ? $"{DayOf(alert).DayNumber - day.DayNumber:+0;-0;0}" : "";
            Console.WriteLine(string.Join("  ",
                $"{fund.Level} {fund.Id} {fund.Name}".PadRight(38)[..38],
                story.PadRight(25)[..25],
                (fund.CrossedTenPointsOn?.ToString("yyyy-MM-dd") ?? "—").PadRight(11),
                (first is null ? "none" : $"{DayOf(first):yyyy-MM-dd} {(string)first["severity"]!} ({(string)first["kind"]!})").PadRight(32),
                Delay(fund.CrossedTenPointsOn, first).PadLeft(5),
                (fund.ExhaustedOn?.ToString("yyyy-MM-dd") ?? "—").PadRight(11),
                (exhaustedAlert is null ? "—" : DayOf(exhaustedAlert).ToString("yyyy-MM-dd")).PadRight(15),
                Delay(fund.ExhaustedOn, exhaustedAlert).PadLeft(5),
                $"{fund.MaxGapPoints:+0.0;-0.0} {fund.MaxGapOn:MM-dd}".PadLeft(12),
                $"{fund.EndShare:P1}".PadLeft(8)));
            if (fund.CrossedTenPointsOn is { } crossed && (first is null || DayOf(first) > crossed.AddDays(1)))
            {
                late.Add($"{fund.Level} {fund.Id}: +10 on {crossed:yyyy-MM-dd}, first alert {(first is null ? "never" : DayOf(first).ToString("yyyy-MM-dd"))}");
            }

            if (fund.ExhaustedOn is { } exhausted && (exhaustedAlert is null || Math.Abs(DayOf(exhaustedAlert).DayNumber - exhausted.DayNumber) > 1))
            {
                late.Add($"{fund.Level} {fund.Id}: exhausted on {exhausted:yyyy-MM-dd}, alert {(exhaustedAlert is null ? "never" : DayOf(exhaustedAlert).ToString("yyyy-MM-dd"))}");
            }
        }

        Console.WriteLine();
        var kept = truth.Where(t => t.KeptPace).ToList();
        var onKept = kept.SelectMany(f => Of(f).Select(a => (Fund: f, Alert: a))).ToList();
        Console.WriteLine($"kept pace      : {kept.Count} funds ({kept.Count(k => k.Level == "hospital")} hospitals, "
            + $"{kept.Count(k => k.Level == "alliance")} alliances, {kept.Count(k => k.Level == "county")} counties); budget alerts on them: {onKept.Count}");
        foreach (var (fund, alert) in onKept)
        {
            Console.WriteLine($"  {fund.Level} {fund.Id} {fund.Name} (max gap {fund.MaxGapPoints:+0.0}, year end {fund.EndShare:P1}): {Describe(alert)}");
        }

        var flapping = bySubject.Select(s => (s.Key, Raised: s.Value.Count(a => (string)a["transition"]! == "raised" && (string)a["kind"]! == "budget-pace")))
            .OrderByDescending(s => s.Raised).First();
        Console.WriteLine($"flapping       : at most {flapping.Raised} budget-pace episodes on one fund ({flapping.Key.Item1} {flapping.Key.Item2})");
        var badges = truth.Where(t => t.EndShare > 1).Select(t => (t, Last: Of(t).LastOrDefault(a => (string)a["kind"]! == "budget-pace"))).ToList();
        foreach (var (fund, last) in badges)
        {
            Console.WriteLine($"over budget    : {fund.Level} {fund.Id} {fund.Name} ended at {fund.EndShare:P1}; level at year end: {(last is null ? "none" : (string)last["severity"]!)}");
        }

        foreach (var miss in late)
        {
            Console.WriteLine($"MISSED         : {miss}");
        }

        var met = late.Count == 0 && onKept.Count == 0;
        Console.WriteLine($"targets        : every +10 crossing alerted no later than a day after, every exhaustion within a day, no alert on a fund that kept pace — {(met ? "met" : "NOT met")}");
        return met;
    }
}
