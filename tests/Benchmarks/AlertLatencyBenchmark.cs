using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// From the <c>200</c> reply to a claim that spends a hospital's whole budget to the SignalR receipt of the
/// <c>budget-exhausted</c> alert it raises, on the real embedded host, while a background poster keeps up a steady
/// ingest (default 1,000 claims/s) at other hospitals. Each measured hospital has 95% of its budget spent beforehand
/// on the same settlement day; the measured claim takes it past 100%, and nothing later has to end the day. Because
/// the push is queued while the reply is written, an alert can arrive before the reply (a negative figure, clamped
/// to 0 in the percentiles); send-to-receipt is shown beside it.
/// </summary>
public static class AlertLatencyBenchmark
{
    private const decimal Budget = 1_000_000m;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task<int> RunAsync(string[] args)
    {
        var alerts = BenchmarkArgs.Int(args, "--alerts", 500);
        var background = BenchmarkArgs.Int(args, "--background", 1_000);
        var registry = Path.Combine(Path.GetTempPath(), $"latency-registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(registry, Registry(alerts));
        try
        {
            await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}", "--Logging:LogLevel:Default=Warning");
            var received = new ConcurrentDictionary<string, long>();
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(host.Address, "hubs/monitoring"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(host.Token("regulator", "region:530900")))
                .Build();
            hub.On<JsonElement>("alert", alert =>
            {
                if (alert.GetProperty("kind").GetString() == "budget-exhausted")
                {
                    received.TryAdd(alert.GetProperty("subject").GetProperty("id").GetString()!, Stopwatch.GetTimestamp());
                }
            });
            await hub.StartAsync();
            using var ingest = host.Ingest();

            // 95% of each measured hospital's budget, settled on the morning of the day the measured claims cross it.
            var before = Enumerable.Range(0, alerts).Select(i => TestClaims.Settlement($"L{i:D6}-0", HospitalId(i),
                new DateTimeOffset(2026, 1, 1, 8, 0, 0, China), new DateOnly(2026, 1, 1), Budget * 0.95m, Budget * 1.2m, $"P-L{i:D6}"));
            (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(before)))).EnsureSuccessStatusCode();

            using var stop = new CancellationTokenSource();
            var poster = Task.Run(() => BackgroundAsync(host, background, stop.Token));
            await Task.Delay(TimeSpan.FromSeconds(2)); // the background ingest is under way before the first measurement

            var fromReply = new List<double>(alerts);
            var fromSend = new List<double>(alerts);
            var ahead = 0;
            for (var i = 0; i < alerts; i++)
            {
                var hospital = HospitalId(i);
                var crossing = TestClaims.Settlement($"L{i:D6}-1", hospital, new DateTimeOffset(2026, 1, 1, 15, 0, 0, China),
                    new DateOnly(2026, 1, 1), Budget * 0.06m, Budget * 0.08m, $"P-L{i:D6}");
                var sent = Stopwatch.GetTimestamp();
                using (var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([crossing]))))
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
                        throw new TimeoutException($"no budget-exhausted alert for {hospital} within 10 s of its crossing claim");
                    }

                    await Task.Delay(1);
                }

                ahead += arrived < replied ? 1 : 0;
                fromReply.Add(Math.Max(0, Stopwatch.GetElapsedTime(replied, arrived).TotalMilliseconds));
                fromSend.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            }

            await stop.CancelAsync();
            var (posted, seconds) = await poster;
            Console.WriteLine($"budget-exhausted latency over {alerts} crossing claims, one per request, embedded host, {Environment.ProcessorCount} cores");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"background ingest: {posted:N0} claims in {seconds:F1} s = {posted / seconds:N0} claims/s (asked {background:N0}/s)"));
            Report("200 reply -> SignalR receipt", fromReply);
            Report("request sent -> SignalR receipt", fromSend);
            Console.WriteLine($"alerts received before the reply: {ahead} of {alerts}");
            return 0;
        }
        finally
        {
            File.Delete(registry);
        }
    }

    /// <summary>
    /// Posts a tenth of a second's claims every tenth of a second to hospitals with budgets they never reach, without
    /// waiting for the previous batch (up to eight in flight), so that a slow reply does not lower the rate asked.
    /// </summary>
    private static async Task<(long Posted, double Seconds)> BackgroundAsync(RunningHost host, int perSecond, CancellationToken stop)
    {
        using var client = host.Ingest();
        using var inFlight = new SemaphoreSlim(8);
        var perBatch = Math.Max(1, perSecond / 10);
        var random = new Random(7);
        var started = Stopwatch.GetTimestamp();
        long posted = 0, sent = 0;
        var pending = new List<Task>();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                var batch = new List<string>(perBatch);
                for (var j = 0; j < perBatch; j++, sent++)
                {
                    batch.Add(TestClaims.Settlement($"B{sent:D9}", BackgroundHospital((int)(sent % 100)),
                        new DateTimeOffset(2026, 1, 1, 9, 0, 0, China).AddSeconds(sent % 20_000), new DateOnly(2026, 1, 1),
                        Math.Round((decimal)(500 + (random.NextDouble() * 9_500)), 2), 12_000m, $"P-B{random.Next(1_000_000):x6}"));
                }

                await inFlight.WaitAsync(stop);
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var response = await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(batch)), CancellationToken.None);
                        response.EnsureSuccessStatusCode();
                        Interlocked.Add(ref posted, batch.Count);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(pending);
        return (posted, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static void Report(string what, List<double> millis)
    {
        millis.Sort();
        double At(double q) => millis[(int)Math.Min(millis.Count - 1, Math.Ceiling(q * millis.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-34}: median {At(0.5),7:F1} ms, p99 {At(0.99),7:F1} ms, max {millis[^1],7:F1} ms"));
    }

    private static string HospitalId(int i) => $"H53092290{i:D3}".Length == 12 ? $"H53092290{i:D3}" : throw new ArgumentOutOfRangeException(nameof(i));

    private static string BackgroundHospital(int i) => $"H53092291{i:D3}";

    private static string Registry(int hospitals)
    {
        if (hospitals > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(hospitals), "at most 1000 hospitals (ids H53092290000..999)");
        }

        var measured = Enumerable.Range(0, hospitals).Select(i => Hospital(HospitalId(i), $"基准医院{i}", Budget));
        var busy = Enumerable.Range(0, 100).Select(i => Hospital(BackgroundHospital(i), $"背景医院{i}", 1_000_000_000m));
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
                        new { countyId = "530922", name = "云县", annualBudget = 10_000_000_000m, alliances = Array.Empty<object>(), hospitals = measured.Concat(busy).ToArray() },
                    },
                },
            },
        });

        static object Hospital(string id, string name, decimal budget) =>
            new { hospitalId = id, name, level = 1, allianceId = (string?)null, annualBudget = budget };
    }
}
