using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Demo;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// How well the upcoding watch of the real host finds what the demo year plants. Posts a demo year to an embedded host,
/// reads back every <c>upcoding</c> alert, and scores it against the planting (<see cref="DemoClaimStream.PlantedUpcoding"/>:
/// which hospitals were made to code upward and from which day), never against the detector's own code: per planted
/// upcoder the settlement days from its onset to its first alert's <c>asOf</c>, and every alert on a hospital that is
/// not a planted upcoder or that came before its onset. The region's DRG indicators are printed beside it.
/// </summary>
public static class UpcodingMeasure
{
    private const string Kind = "upcoding";

    /// <summary>The issue's target: every planted upcoder found within this many settlement days of its onset.</summary>
    private const int TargetDays = 45;

    public static async Task<int> RunAsync(string[] args)
    {
        var claimCount = BenchmarkArgs.Int(args, "--claims", 200_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 5_000);
        var seed = BenchmarkArgs.Int(args, "--seed", 2026);
        var year = BenchmarkArgs.Int(args, "--year", 2026);

        var scenario = DemoPrefecture.Plan(seed, year);
        var stream = new DemoClaimStream(scenario, seed, claimCount);
        var claims = stream.Claims().ToList();
        var planted = stream.PlantedUpcoding();
        var names = scenario.Institutions.ToDictionary(i => i.Hospital.HospitalId, i => i.Hospital.Name);
        Console.WriteLine($"upcoding-measure: {claims.Count:N0} events of a {claimCount:N0}-claim demo year {year} (seed {seed}), batches of {batch:N0}, embedded host");
        foreach (var u in planted.Upcoders)
        {
            Console.WriteLine($"planted upcoder  : {u.HospitalId} {names[u.HospitalId]} (level {u.Level}) from {u.Onset:yyyy-MM-dd}, {u.MovedShare:P0} of severity-5 cases moved ({u.MovedCases:N0} cases)");
        }

        // What the claims alone say (UpcodingTruth), so the planting itself is checked, not taken on trust.
        var truth = UpcodingTruth.ByHospital(claims);
        foreach (var u in planted.Upcoders)
        {
            var m = truth[u.HospitalId];
            Console.WriteLine($"  claims say     : heavy share {m.HeavyShare(1, u.Onset.Month - 1):P1} before {u.Onset:MMM}, {m.HeavyShare(u.Onset.Month + 1, 12):P1} after; "
                + $"heavy-but-light {m.LightShare(1, u.Onset.Month - 1):P1} → {m.LightShare(u.Onset.Month + 1, 12):P1} of split cases");
        }

        Console.WriteLine($"referral centre  : {planted.ReferralCentreId} {(planted.ReferralCentreId is { } r ? names[r] : "")} (heavy from 1 January, legitimately)");
        if (planted.ReferralCentreId is { } centre)
        {
            var others = truth.Where(t => t.Key != centre && planted.Upcoders.All(u => u.HospitalId != t.Key)).Select(t => t.Value).ToList();
            Console.WriteLine($"  claims say     : heavy share {truth[centre].HeavyShare(1, 12):P1} all year against {others.Average(o => o.HeavyShare(1, 12)):P1} elsewhere; "
                + $"heavy-but-light {truth[centre].LightShare(1, 12):P1} against {others.Average(o => o.LightShare(1, 12)):P1}");
        }

        Console.WriteLine($"ungrouped        : {planted.UngroupedCases:N0} cases settled without a DRG");

        var registry = Path.Combine(Path.GetTempPath(), $"upcoding-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact));
        try
        {
            await using var host = await RunningHost.StartAsync([$"--Monitoring:Registry:Path={registry}", "--Logging:LogLevel:Default=Warning", .. BenchmarkArgs.OnlyDetector("Upcoding")]);
            using (var ingest = host.Ingest())
            {
                if (!await DemoYearClient.PostAsync(ingest, claims, batch))
                {
                    return 1;
                }
            }

            using var admin = host.Admin();
            var alerts = await DemoYearClient.AlertsAsync(admin, Kind);
            var missed = Report(planted, alerts, names, year, seed);
            await IndicatorsAsync(admin, scenario, claims);
            return missed;
        }
        finally
        {
            File.Delete(registry);
        }
    }

    /// <summary>Prints the delay per planted upcoder and every false alert; returns 0 when the target is met.</summary>
    private static int Report(PlantedUpcoding planted, List<JsonObject> alerts, Dictionary<string, string> names, int year, int seed)
    {
        static DateOnly AsOf(JsonObject a) => DateOnly.FromDateTime(DateTimeOffset.Parse((string)a["asOf"]!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime);
        // A cleared alert says a finding ended; the others (raised, escalated, re-issued without a reversed claim) flag.
        var raised = alerts.Where(a => !((string)a["alertId"]!).Contains("/cleared", StringComparison.Ordinal)).ToList();
        var upcoders = planted.Upcoders.ToDictionary(u => u.HospitalId);
        var falseAlerts = raised.Where(a => !upcoders.TryGetValue((string)a["hospitalId"]!, out var u) || AsOf(a) < u.Onset).ToList();
        var met = falseAlerts.Count == 0;
        Console.WriteLine($"alerts           : {alerts.Count} upcoding alerts ({raised.Count} raised or escalated)");
        foreach (var u in planted.Upcoders)
        {
            var first = raised.Where(a => (string)a["hospitalId"]! == u.HospitalId && AsOf(a) >= u.Onset).OrderBy(AsOf).FirstOrDefault();
            if (first is null)
            {
                Console.WriteLine($"upcoder          : {u.HospitalId} {names[u.HospitalId]} NOT FOUND (onset {u.Onset:yyyy-MM-dd})");
                met = false;
                continue;
            }

            var days = AsOf(first).DayNumber - u.Onset.DayNumber;
            met &= days <= TargetDays;
            Console.WriteLine($"delay row        | upcoding | {year} | {seed} | {u.HospitalId} | {u.Onset:yyyy-MM-dd} | {days}");
            Console.WriteLine($"upcoder          : {u.HospitalId} {names[u.HospitalId]} onset {u.Onset:yyyy-MM-dd}, first alert as of {AsOf(first):yyyy-MM-dd} "
                + $"({days} settlement days, {(string)first["severity"]!}), estimated onset {(string?)first["evidence"]?["onset"]}, "
                + $"{first["evidence"]?["heavyButLight"]} heavy-but-light cases, ADRGs {string.Join(",", first["drgCodes"]!.AsArray().Select(d => (string)d!))}");
        }

        foreach (var a in falseAlerts)
        {
            var id = (string)a["hospitalId"]!;
            Console.WriteLine($"FALSE ALERT      : {id} {names.GetValueOrDefault(id)} as of {AsOf(a):yyyy-MM-dd} {(string)a["severity"]!}: {(string)a["alertId"]!}");
        }

        Console.WriteLine($"false alerts     : {falseAlerts.Count} (on hospitals not planted, or before the onset)");
        Console.WriteLine($"target           : every upcoder within {TargetDays} days, nothing else flagged: {(met ? "met" : "NOT met")}");
        return met ? 0 : 3;
    }

    /// <summary>
    /// Each county's indicators once every case has reached them: the watches report to the region on a timer, so the
    /// figures lag the last batch by a few seconds.
    /// </summary>
    private static async Task IndicatorsAsync(HttpClient admin, DemoScenario scenario, List<JsonObject> claims)
    {
        var reversed = claims.Where(c => (string?)c["kind"] == "reversal").Select(c => (string)c["reversesClaimId"]!).ToHashSet();
        var countyOf = scenario.Institutions.ToDictionary(i => i.Hospital.HospitalId, i => i.CountyId);
        var standing = claims.Where(c => (string?)c["kind"] == "settlement" && !reversed.Contains((string)c["claimId"]!))
            .GroupBy(c => countyOf[(string)c["hospitalId"]!]).ToDictionary(g => g.Key, g => g.LongCount());
        foreach (var county in scenario.Registry.Regions.SelectMany(r => r.Counties))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = await admin.GetFromJsonAsync<JsonObject>($"/api/casemix/county/{county.CountyId}");
            while ((long)report!["yearToDate"]!["cases"]! < standing[county.CountyId] && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(250);
                report = await admin.GetFromJsonAsync<JsonObject>($"/api/casemix/county/{county.CountyId}");
            }

            var ytd = report["yearToDate"]!;
            Console.WriteLine($"case mix {county.CountyId}  : {(long)ytd["cases"]!:N0} cases, 入组率 {(double?)ytd["groupingRate"]:P1}, CMI {(double?)ytd["cmi"]:F3}, heavy {(double?)ytd["heavyShare"]:P1}, "
                + $"费用消耗指数 {(double?)ytd["costIndex"]:F3}, 时间消耗指数 {(double?)ytd["timeIndex"]:F3}, DRG share of fund {(double?)ytd["drgFundShare"]:P1}");
        }
    }
}
