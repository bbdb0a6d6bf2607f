using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// From a claim batch's HTTP reply to the SignalR receipt of the alert it causes, on the real embedded host.
/// Each batch settles a large claim at one hospital of its own on 1 January and a small one on 2 January, which
/// closes the 1st: the hospital's pace for that day is judged and a budget-pace alert raised. A regulator client on the
/// hub records when each alert arrives. Because the push is queued while the reply is written, an alert can arrive
/// before the reply; both the reply-to-receipt and the send-to-receipt times are shown.
/// </summary>
public static class AlertLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var alerts = BenchmarkArgs.Int(args, "--alerts", 1_000);
        var registry = Path.Combine(Path.GetTempPath(), $"latency-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, Registry(alerts));
        try
        {
            await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}", "--Logging:LogLevel:Default=Warning");
            var received = new ConcurrentDictionary<string, long>();
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(host.Address, "hubs/monitoring"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(host.Token("regulator", "region:530900")))
                .Build();
            hub.On<JsonElement>("alert", alert => received.TryAdd(alert.GetProperty("subject").GetProperty("id").GetString()!, Stopwatch.GetTimestamp()));
            await hub.StartAsync();
            using var ingest = host.Ingest();

            var fromReply = new List<double>(alerts);
            var fromSend = new List<double>(alerts);
            for (var i = 0; i < alerts; i++)
            {
                var hospital = HospitalId(i);
                var batch = TestClaims.JsonArray(
                [
                    TestClaims.Settlement($"L{i:D6}-1", hospital, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(8)), new DateOnly(2025, 12, 31), 100_000m, 120_000m),
                    TestClaims.Settlement($"L{i:D6}-2", hospital, new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 1, 1), 100m, 120m),
                ]);
                var sent = Stopwatch.GetTimestamp();
                using (var response = await ingest.PostAsync("/api/claims", TestClaims.Body(batch)))
                {
                    response.EnsureSuccessStatusCode();
                }

                var replied = Stopwatch.GetTimestamp();
                var deadline = DateTime.UtcNow.AddSeconds(10);
                long arrived;
                while (!received.TryGetValue(hospital, out arrived))
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"no alert for {hospital} within 10 s");
                    }

                    await Task.Delay(1);
                }

                fromReply.Add(Stopwatch.GetElapsedTime(replied, arrived).TotalMilliseconds);
                fromSend.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            }

            Console.WriteLine($"alert latency over {alerts} alerts, one per batch, embedded host, {Environment.ProcessorCount} cores");
            Report("200 reply -> SignalR receipt", fromReply);
            Report("request sent -> SignalR receipt", fromSend);
            return 0;
        }
        finally
        {
            File.Delete(registry);
        }
    }

    private static void Report(string what, List<double> millis)
    {
        millis.Sort();
        double At(double q) => millis[(int)Math.Min(millis.Count - 1, Math.Ceiling(q * millis.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-34}: median {At(0.5),7:F1} ms, p99 {At(0.99),7:F1} ms, max {millis[^1],7:F1} ms"));
    }

    private static string HospitalId(int i) => $"H53092290{i:D3}".Length == 12 ? $"H53092290{i:D3}" : throw new ArgumentOutOfRangeException(nameof(i));

    private static string Registry(int hospitals)
    {
        if (hospitals > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(hospitals), "at most 1000 hospitals (ids H53092290000..999)");
        }

        var entries = Enumerable.Range(0, hospitals).Select(i => new
        {
            hospitalId = HospitalId(i),
            name = $"基准医院{i}",
            level = 1,
            allianceId = (string?)null,
            annualBudget = 1_000_000m,
        });
        return JsonSerializer.Serialize(new
        {
            fundYear = 2026,
            regions = new[]
            {
                new
                {
                    regionId = "530900",
                    name = "临沧市",
                    counties = new[]
                    {
                        new { countyId = "530922", name = "云县", annualBudget = 10_000_000_000m, alliances = Array.Empty<object>(), hospitals = entries },
                    },
                },
            },
        });
    }
}
