using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Demo;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// How well the split-hospitalization detector of the real host finds what the demo year plants. Posts a demo year
/// to a host (embedded, or on a throwaway PostgreSQL with <c>--postgres</c>), reads back every
/// <c>split-hospitalization</c> alert, and compares the pair-level ones with <see cref="SplitPairTruth"/> over the same
/// claims: recall, precision, standing alerts on reversed claims, and the delay from the later settlement of a pair to
/// the alert's <c>asOf</c>, in settlement time.
/// </summary>
public static class SplitMeasure
{
    private const string Kind = "split-hospitalization";

    public static async Task<int> RunAsync(string[] args)
    {
        var claimCount = BenchmarkArgs.Int(args, "--claims", 50_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 2_000);
        var seed = BenchmarkArgs.Int(args, "--seed", 2026);
        var year = BenchmarkArgs.Int(args, "--year", 2026);
        var postgres = args.Contains("--postgres");

        var scenario = DemoPrefecture.Plan(seed, year);
        var claims = new DemoClaimStream(scenario, seed, claimCount).Claims().ToList();
        var truth = SplitPairTruth.Find(JsonSerializer.SerializeToNode(scenario.Registry, DemoJson.Compact)!, claims);
        var reversed = claims.Where(c => (string?)c["kind"] == "reversal").Select(c => (string)c["reversesClaimId"]!).ToHashSet();
        var settledAt = claims.ToDictionary(c => (string)c["claimId"]!, DemoClaimStream.SettledAtOf);
        var planted = new DemoClaimStream(scenario, seed, claimCount).Planted();
        var rateHospitals = new DemoClaimStream(scenario, seed, claimCount).PlantedRateHospitals();
        var pairs = planted.Pairs.Where(p => p.Stands).ToList();
        int With(PlantedSplitShape shape) => pairs.Count(p => p.Shape.HasFlag(shape));
        Console.WriteLine($"split-measure: {claims.Count:N0} events of a {claimCount:N0}-claim demo year {year} (seed {seed}), batches of {batch:N0}, {(postgres ? "PostgreSQL" : "embedded")} host");

        Console.WriteLine(
            $"planted          : {pairs.Count} standing pairs ({pairs.Count - With(PlantedSplitShape.CrossMember)} same hospital, {With(PlantedSplitShape.CrossMember)} cross-member, "
            + $"{With(PlantedSplitShape.SecondSettledFirst)} second settled first, {With(PlantedSplitShape.NonMedicalDischarge)} after discharge 4, {With(PlantedSplitShape.Chain)} in chains, "
            + $"{With(PlantedSplitShape.Corrected)} on a corrected re-settlement), {planted.Pairs.Count(p => !p.Stands)} withdrawn by a reversal; look-alikes: "
            + string.Join(", ", planted.LookAlikes.GroupBy(l => l.Kind).Select(g => $"{g.Count()} {g.Key} ({g.Sum(l => l.ClaimIds.Count)} claims)")));
        var registry = Path.Combine(Path.GetTempPath(), $"split-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact));
        await using var database = postgres ? new PostgresServer() : null;
        try
        {
            List<string> settings = [$"--Monitoring:Registry:Path={registry}", "--Logging:LogLevel:Default=Warning", .. BenchmarkArgs.OnlyDetector("Readmission")];
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
            using (var ingest = host.Ingest())
            {
                if (!await DemoYearClient.PostAsync(ingest, claims, batch))
                {
                    return 1;
                }

                Console.WriteLine($"posted           : {claims.Count:N0} events, every batch 200");
            }

            using var admin = host.Admin();
            var alerts = await DemoYearClient.AlertsAsync(admin, Kind);
            Report(truth, alerts, reversed, settledAt);
            return ReportRates(rateHospitals, alerts, claims, year, seed) ? 0 : 3;
        }
        finally
        {
            File.Delete(registry);
        }
    }

    private static void Report(IReadOnlyList<TruthPair> truth, List<JsonObject> alerts, HashSet<string> reversed, Dictionary<string, DateTimeOffset> settledAt)
    {
        static HashSet<string> ClaimIds(JsonObject alert) =>
            alert["claimIds"] is JsonArray ids ? ids.Select(i => (string)i!).ToHashSet() : [];
        static bool Standing(JsonObject alert) => (string?)alert["status"] != "withdrawn";

        var pairAlerts = alerts.Where(a => ClaimIds(a).Count >= 2).ToList();
        var standing = pairAlerts.Where(Standing).ToList();
        var delays = new List<double>();
        var found = 0;
        foreach (var pair in truth)
        {
            var match = standing.FirstOrDefault(a => ClaimIds(a).IsSupersetOf([pair.FirstClaimId, pair.SecondClaimId]));
            if (match is null)
            {
                continue;
            }

            found++;
            if ((string?)match["asOf"] is { } asOf)
            {
                var later = settledAt[pair.FirstClaimId] > settledAt[pair.SecondClaimId] ? settledAt[pair.FirstClaimId] : settledAt[pair.SecondClaimId];
                delays.Add((DateTimeOffset.Parse(asOf, CultureInfo.InvariantCulture) - later).TotalHours);
            }
        }

        var matching = standing.Count(a => truth.Any(p => ClaimIds(a).IsSupersetOf([p.FirstClaimId, p.SecondClaimId])));
        var onReversed = alerts.Where(Standing).Count(a => ClaimIds(a).Overlaps(reversed));
        delays.Sort();

        Console.WriteLine($"truth pairs      : {truth.Count:N0} ({truth.Count(p => p.Severity == "critical")} critical, {truth.Count(p => p.Severity == "warning")} warning, {truth.Count(p => p.Severity == "notice")} notice)");
        Console.WriteLine($"alerts           : {alerts.Count:N0} split alerts, {pairAlerts.Count:N0} pair-level, {standing.Count:N0} of those standing (not withdrawn)");
        Console.WriteLine($"recall           : {Ratio(found, truth.Count)} ({found:N0} of {truth.Count:N0} truth pairs found)");
        Console.WriteLine($"precision        : {Ratio(matching, standing.Count)} ({matching:N0} of {standing.Count:N0} standing pair alerts match a truth pair)");
        Console.WriteLine($"on reversed claim: {onReversed:N0} standing alerts rest on a reversed claim");
        Console.WriteLine(delays.Count == 0
            ? "delay            : no found pair carries asOf"
            : $"delay            : median {delays[delays.Count / 2]:F1} h, max {delays[^1]:F1} h of settlement time after the later settlement of the pair");
    }

    /// <summary>
    /// Scores the hospital-level rate alerts (<c>…/rate/…/raised</c>) against the planted splitters: each splitter's
    /// delay from its onset to its first raised rate alert, and every rate alert on another hospital or before the onset.
    /// The target: every splitter, at most two others.
    /// </summary>
    private static bool ReportRates(IReadOnlyList<PlantedRateHospital> planted, List<JsonObject> alerts, List<JsonObject> claims, int year, int seed)
    {
        static DateOnly AsOf(JsonObject a) => DateOnly.FromDateTime(DateTimeOffset.Parse((string)a["asOf"]!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime);
        var rate = alerts.Where(a => ((string)a["alertId"]!).Contains("/rate/", StringComparison.Ordinal)).ToList();
        var raised = rate.Where(a => ((string)a["alertId"]!).EndsWith("/raised", StringComparison.Ordinal)).OrderBy(AsOf).ToList();
        var cleared = rate.Count - raised.Count;
        var splitters = planted.Where(p => p.Splits).ToDictionary(p => p.HospitalId);
        var settlements = claims.Where(c => (string?)c["kind"] == "settlement").GroupBy(c => (string)c["hospitalId"]!).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"rate alerts      : {raised.Count} raised, {cleared} cleared ({rate.Count(a => (string?)a["status"] == "resolved")} resolved)");
        var found = 0;
        foreach (var p in planted)
        {
            var first = raised.FirstOrDefault(a => (string)a["hospitalId"]! == p.HospitalId && AsOf(a) >= p.Onset);
            var what = p.Splits ? $"splitter at {p.Ratio:0.#}x" : "wanders by chance";
            var evidence = first?["evidence"];
            Console.WriteLine($"planted rate     : {p.HospitalId} {p.Name} (level {p.Level}, {settlements.GetValueOrDefault(p.HospitalId):N0} settlements) {what}, {p.Episodes} episodes from {p.Onset:yyyy-MM-dd}: "
                + (first is null ? "no rate alert" : $"raised as of {AsOf(first):yyyy-MM-dd} ({AsOf(first).DayNumber - p.Onset.DayNumber} days), "
                    + $"{evidence?["observed"]} pairs against {evidence?["expected"]} expected, ratio {evidence?["ratio"]}, tail {evidence?["tail"]}"));
            found += p.Splits && first is not null ? 1 : 0;
            if (p.Splits && first is not null)
            {
                Console.WriteLine($"delay row        | readmission-rate | {year} | {seed} | {p.HospitalId} | {p.Onset:yyyy-MM-dd} | {AsOf(first).DayNumber - p.Onset.DayNumber}");
            }
        }

        var falseAlerts = raised.Where(a => !splitters.TryGetValue((string)a["hospitalId"]!, out var p) || AsOf(a) < p.Onset).ToList();
        foreach (var a in falseAlerts)
        {
            Console.WriteLine($"FALSE RATE ALERT : {(string)a["hospitalId"]!} as of {AsOf(a):yyyy-MM-dd}: {(string?)a["message"]?["en"]}");
        }

        var met = found == splitters.Count && falseAlerts.Count <= 2;
        Console.WriteLine($"rate recall      : {found} of {splitters.Count} planted splitters raised; false rate alerts: {falseAlerts.Count} (on hospitals not planted to split, or before the onset)");
        Console.WriteLine($"rate target      : every planted splitter, at most two others: {(met ? "met" : "NOT met")}");
        return met;
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "n/a" : (part / (double)whole).ToString("P1", CultureInfo.InvariantCulture);
}
