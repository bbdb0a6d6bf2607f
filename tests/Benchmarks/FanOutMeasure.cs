using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// The hub's fan-out at the demo's alert rate: the embedded host with its demo feed on, and many SignalR connections
/// of mixed scopes (hospitals, county regulators and inspectors, region regulators) plus one admin connection that
/// sees everything and is the reference. Over a window it records, per connection, every alert document received
/// and when; then prints the latency from an alert's <c>raisedAt</c> to its first receipt (p50, p99, max) and, per
/// scope, whether every connection received every alert of its scope the admin received — counted, not sampled.
/// </summary>
public static class FanOutMeasure
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connections = BenchmarkArgs.Int(args, "--connections", 1_000);
        var seconds = BenchmarkArgs.Int(args, "--seconds", 60);
        // The demo's January is quiet (a window there once held a single alert); opening in July settles January to
        // June at once, before the window, and plays on through the busy second half at the demo's usual pace.
        var openAtMonth = BenchmarkArgs.Int(args, "--open-at-month", 7);
        await using var host = await RunningHost.StartAsync("--Monitoring:Demo:Enabled=true", "--Logging:LogLevel:Default=Warning",
            $"--Monitoring:Demo:OpenAtMonth={openAtMonth}");
        using var admin = host.Admin();
        var registry = await RegistryAsync(admin);
        var (region, counties, hospitals) = (registry.Region, registry.Counties, registry.Hospitals);

        // A region's regulators, each county's regulators and inspectors, and hospitals round-robin: 10% / 30% / 60%.
        var clients = new List<Client>(connections + 1) { new("admin", null) };
        for (var i = 0; i < connections; i++)
        {
            clients.Add((i % 10) switch
            {
                0 => new Client("regulator", $"region:{region}"),
                1 or 2 => new Client(i % 20 < 10 ? "regulator" : "inspector", $"county:{counties[i % counties.Count]}"),
                _ => new Client("hospital", $"hospital:{hospitals[i % hospitals.Count]}"),
            });
        }

        // The months before the opening go in at once; the window starts once they are in, so it measures the
        // demo's pace and not the catch-up's.
        await OpenedAsync(admin, openAtMonth);
        var hubs = new List<HubConnection>(clients.Count);
        try
        {
            foreach (var chunk in clients.Chunk(50))
            {
                hubs.AddRange(await Task.WhenAll(chunk.Select(c => c.ConnectAsync(host))));
            }

            Console.WriteLine($"fan-out: {connections:N0} connections ({clients.Count(c => c.Scope?.StartsWith("region:", StringComparison.Ordinal) == true)} region, "
                + $"{clients.Count(c => c.Scope?.StartsWith("county:", StringComparison.Ordinal) == true)} county, "
                + $"{clients.Count(c => c.Scope?.StartsWith("hospital:", StringComparison.Ordinal) == true)} hospital) + 1 admin reference, "
                + $"embedded demo, {seconds} s window, {Environment.ProcessorCount} cores (clients on the same machine)");
            var windowStart = DateTimeOffset.UtcNow;
            foreach (var client in clients)
            {
                client.From = windowStart;
            }

            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var windowEnd = DateTimeOffset.UtcNow;
            foreach (var client in clients)
            {
                client.Until = windowEnd;
            }

            await Task.Delay(TimeSpan.FromSeconds(15)); // stragglers of alerts raised inside the window
            return Report(clients, seconds);
        }
        finally
        {
            await Task.WhenAll(hubs.Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private static int Report(List<Client> clients, int seconds)
    {
        var reference = clients[0].Received;
        var latencies = clients.Skip(1).SelectMany(c => c.Received.Values.Select(r => r.LatencyMs)).Order().ToList();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alerts raised in the window: {reference.Count} ({reference.Count / (double)seconds:F1}/s); deliveries to scoped connections: {latencies.Count:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"raisedAt -> receipt: p50 {At(0.5):F0} ms, p99 {At(0.99):F0} ms, max {(latencies.Count == 0 ? double.NaN : latencies[^1]):F0} ms"));
        var complete = true;
        foreach (var group in clients.Skip(1).GroupBy(c => c.Scope!.Split(':')[0]))
        {
            var counts = new List<(int Expected, int Got)>();
            foreach (var client in group)
            {
                var expected = reference.Values.Where(r => client.Sees(r.Alert)).Select(r => r.AlertId).ToHashSet();
                counts.Add((expected.Count, expected.Count(client.Received.ContainsKey)));
            }

            var missing = counts.Sum(c => c.Expected - c.Got);
            complete &= missing == 0;
            Console.WriteLine($"{group.Key,-8} scope: {group.Count(),4} connections, alerts of their scope {counts.Min(c => c.Expected)}..{counts.Max(c => c.Expected)} each, "
                + $"received {counts.Min(c => c.Got)}..{counts.Max(c => c.Got)}; {(missing == 0 ? "every connection got every alert of its scope" : $"{missing} deliveries missing")}");
        }

        return complete ? 0 : 1;
    }

    private static async Task OpenedAsync(HttpClient admin, int openAtMonth)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            var overview = (await admin.GetFromJsonAsync<JsonObject>("/api/overview"))!;
            if (overview["asOf"] is { } asOf && DateTimeOffset.Parse((string)asOf!, CultureInfo.InvariantCulture).Month >= openAtMonth)
            {
                Console.WriteLine($"demo opened at {(string)asOf!} after {waited.Elapsed.TotalSeconds:F0} s");
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"the demo did not reach month {openAtMonth} within 5 minutes");
    }

    private static async Task<(string Region, List<string> Counties, List<string> Hospitals)> RegistryAsync(HttpClient admin)
    {
        var registry = (await admin.GetFromJsonAsync<JsonObject>("/api/registry"))!;
        var region = registry["regions"]![0]!;
        var counties = region["counties"]!.AsArray().Select(c => c!).ToList();
        return ((string)region["regionId"]!, [.. counties.Select(c => (string)c["countyId"]!)],
            [.. counties.SelectMany(c => c["hospitals"]!.AsArray()).Select(h => (string)h!["hospitalId"]!)]);
    }

    private sealed record Received(string AlertId, JsonElement Alert, double LatencyMs);

    private sealed class Client(string role, string? scope)
    {
        public string? Scope => scope;

        public DateTimeOffset From { get; set; } = DateTimeOffset.MaxValue;

        public DateTimeOffset Until { get; set; } = DateTimeOffset.MaxValue;

        /// <summary>First receipt of each alert raised inside the window.</summary>
        public ConcurrentDictionary<string, Received> Received { get; } = new();

        public async Task<HubConnection> ConnectAsync(RunningHost host)
        {
            var token = host.Token(role, scope);
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(host.Address, "hubs/monitoring"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            hub.On<JsonElement>("alert", alert =>
            {
                var now = DateTimeOffset.UtcNow;
                var raisedAt = alert.GetProperty("raisedAt").GetDateTimeOffset();
                if (raisedAt >= From && raisedAt <= Until)
                {
                    var id = alert.GetProperty("alertId").GetString()!;
                    Received.TryAdd(id, new Received(id, alert, (now - raisedAt).TotalMilliseconds));
                }
            });
            await hub.StartAsync();
            return hub;
        }

        /// <summary>The hub's routing rule, read from the alert's envelope: region, county or the hospital's own.</summary>
        public bool Sees(JsonElement alert)
        {
            var (kind, id) = (scope!.Split(':')[0], scope.Split(':')[1]);
            string? Field(string name) => alert.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return kind switch
            {
                "region" => Field("regionId") == id,
                "county" => Field("countyId") == id,
                _ => Field("hospitalId") == id,
            };
        }
    }
}
