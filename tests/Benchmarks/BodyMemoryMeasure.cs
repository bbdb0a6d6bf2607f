using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// What a large claim body costs the host's memory: starts the host as its own process in the PostgreSQL mode (the
/// embedded mode keeps every ledger row in memory by design, which would hide the request's own cost), posts one body
/// of about 43 MB (10,000 events with extras just under the bound kept), then four at once, and prints the
/// process's resident set before, its peak (VmHWM) and after, read from /proc.
/// </summary>
public static class BodyMemoryMeasure
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchmarkArgs.Int(args, "--events", 10_000);
        var parallel = BenchmarkArgs.Int(args, "--parallel", 4);
        var registry = Path.Combine(ContractFiles.Directory, "examples", "registry.json");
        await using var database = new PostgresServer();
        await database.InitializeAsync();
        string[] settings =
        [
            "--Monitoring:Storage:Provider=PostgreSql",
            $"--Monitoring:Storage:ConnectionString={await database.CreateDatabaseAsync()}",
            "--Monitoring:Auth:SigningKey=benchmark-signing-key-benchmark-signing-key",
            "--Monitoring:Demo:Enabled=false",
            $"--Monitoring:Registry:Path={registry}",
            "--Logging:LogLevel:Default=Warning",
        ];
        await using var host = await HostProcess.StartAsync(settings);
        var token = (await SiloCommand.RunAsync(["token", "--role", "ingest", .. settings])).Stdout.Trim();

        byte[] Body(string prefix)
        {
            var remark = new string('x', 3_900);
            var claims = TestClaims.Settlements(prefix, events).Select(c => c.Replace("}", $",\"remark\":\"{remark}\"}}"));
            return Encoding.UTF8.GetBytes(TestClaims.JsonArray(claims));
        }

        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        async Task PostAsync(byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/claims", content);
            response.EnsureSuccessStatusCode();
        }

        var one = Body("memory-one");
        Console.WriteLine($"body-memory: bodies of {one.Length / 1e6:0.0} MB ({events:N0} events with a 3.9 kB remark each), PostgreSQL-mode host process");
        var before = Memory(host.Pid);
        await PostAsync(one);
        var afterOne = Memory(host.Pid);
        Console.WriteLine($"one body          : RSS {before.Rss} -> {afterOne.Rss} MB, peak {afterOne.Peak} MB (+{afterOne.Peak - before.Rss} MB)");
        var bodies = Enumerable.Range(0, parallel).Select(i => Body($"memory-par-{i}")).ToList();
        await Task.WhenAll(bodies.Select(PostAsync));
        var afterParallel = Memory(host.Pid);
        Console.WriteLine($"{parallel} bodies at once : RSS {afterOne.Rss} -> {afterParallel.Rss} MB, peak {afterParallel.Peak} MB (+{afterParallel.Peak - before.Rss} MB over the start)");
        return 0;
    }

    private static (long Rss, long Peak) Memory(int pid)
    {
        long Read(string key) => long.Parse(
            File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }
}
