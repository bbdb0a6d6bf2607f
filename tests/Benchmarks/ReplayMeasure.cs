using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Monitoring.Demo;
using Monitoring.Testing;

namespace Monitoring.Benchmarks;

/// <summary>
/// Replaying a year, as a backfill or a backtest does: posts a year of claims — the demo's at any size and fund year,
/// or an NDJSON file with its registry — to the host as its own process in the PostgreSQL mode, in NDJSON batches
/// from N posters at once, and prints the rate and the resident memory of the host and of PostgreSQL (the sum of
/// its processes' proportional sets, so shared buffers count once) every tenth of the way, then the alerts per kind.
/// A demo year is written to a file first, so generating it costs the measurement nothing. Any <c>--Monitoring:*</c>
/// setting given goes to the host.
/// </summary>
public static class ReplayMeasure
{
    private static readonly string[] Kinds =
        ["budget-pace", "budget-exhausted", "split-hospitalization", "upcoding", "low-threshold-admission", "data-quality"];

    public static async Task<int> RunAsync(string[] args)
    {
        var claims = BenchmarkArgs.Int(args, "--claims", 200_000);
        var year = BenchmarkArgs.Int(args, "--year", 2025);
        var seed = BenchmarkArgs.Int(args, "--seed", 2026);
        var batch = BenchmarkArgs.Int(args, "--batch", 5_000);
        var parallel = BenchmarkArgs.Int(args, "--parallel", 2);
        var file = Text(args, "--file");
        var registryFile = Text(args, "--registry");
        if (file is not null && registryFile is null)
        {
            Console.Error.WriteLine("replay --file claims.ndjson needs --registry registry.json");
            return 2;
        }

        var scratch = Directory.CreateTempSubdirectory("replay-");
        try
        {
            if (file is null)
            {
                (file, registryFile) = await WriteDemoYearAsync(scratch.FullName, claims, year, seed);
            }

            var events = File.ReadLines(file).LongCount(l => l.Length > 0);
            Console.WriteLine($"replay: {events:N0} events of {file}{(Text(args, "--file") is null ? $" (demo year {year}, {claims:N0} claims, seed {seed})" : "")}, "
                + $"batches of {batch:N0}, {parallel} posters, PostgreSQL-mode host process, {Environment.ProcessorCount} cores");
            return await ReplayAsync(file, registryFile!, events, batch, parallel, Text(args, "--alerts-out"), [.. args.Where(a => a.StartsWith("--Monitoring:", StringComparison.Ordinal))]);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<(string Claims, string Registry)> WriteDemoYearAsync(string directory, int claims, int year, int seed)
    {
        var scenario = BudgetPlanting.Plant(DemoPrefecture.Plan(seed, year), year).Scenario;
        var registry = Path.Combine(directory, "registry.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact));
        var path = Path.Combine(directory, "claims.ndjson");
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var claim in new DemoClaimStream(scenario, seed, claims).Claims())
        {
            await writer.WriteLineAsync(claim.ToJsonString(DemoJson.Compact));
        }

        return (path, registry);
    }

    private static async Task<int> ReplayAsync(string file, string registry, long events, int batch, int parallel, string? alertsOut, string[] hostSettings)
    {
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
            .. hostSettings,
        ];
        await using var host = await HostProcess.StartAsync(settings);
        using var ingest = await ClientAsync(host, "ingest", settings);
        var postmaster = Postmaster(database.Port);

        // A reversal is posted only once the batch holding its settlement has been taken, as a feed that keeps its
        // own order would: batches in flight at once would otherwise race a reversal past what it reverses.
        var batches = Channel.CreateBounded<Batch>(parallel * 2);
        var inFlight = new Dictionary<string, Batch>(StringComparer.Ordinal);
        var producer = Task.Run(async () =>
        {
            var current = new Batch();
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using (var claim = JsonDocument.Parse(line))
                {
                    var root = claim.RootElement;
                    lock (inFlight)
                    {
                        if (root.TryGetProperty("reversesClaimId", out var reverses) && reverses.GetString() is { } settlement
                            && inFlight.TryGetValue(settlement, out var holder) && holder != current)
                        {
                            current.After.Add(holder.Taken.Task);
                        }

                        if (root.TryGetProperty("claimId", out var id) && id.GetString() is { } claimId)
                        {
                            inFlight[claimId] = current;
                            current.Ids.Add(claimId);
                        }
                    }
                }

                current.Body.Append(line).Append('\n');
                if (current.Ids.Count == batch)
                {
                    await batches.Writer.WriteAsync(current);
                    current = new Batch();
                }
            }

            if (current.Body.Length > 0)
            {
                await batches.Writer.WriteAsync(current);
            }

            batches.Writer.Complete();
        });

        long posted = 0, accepted = 0, refused = 0;
        var reasons = new Dictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        var nextTenth = 1;
        var started = Stopwatch.GetTimestamp();
        var lastAt = started;
        long lastPosted = 0;
        var progress = new object();
        Console.WriteLine("  posted     events/s (overall, this tenth)   host RSS   PostgreSQL PSS");
        Console.WriteLine($"  {0,9:N0}  {"",27}  {Rss(host.Pid),7:N0} MB  {Pss(postmaster),8:N0} MB");
        async Task<JsonDocument> PostAsync(string body)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
            using var response = await ingest.PostAsync("/api/claims", content);
            var reply = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"a batch was refused: {(int)response.StatusCode} {reply[..Math.Min(reply.Length, 500)]}");
            }

            return JsonDocument.Parse(reply);
        }

        void Tally(JsonDocument parsed)
        {
            accepted += parsed.RootElement.GetProperty("accepted").GetInt32();
            foreach (var rejection in parsed.RootElement.GetProperty("rejected").EnumerateArray())
            {
                refused++;
                foreach (var error in rejection.GetProperty("errors").EnumerateArray())
                {
                    var reason = error.GetString() ?? "";
                    var (count, example) = reasons.GetValueOrDefault(reason, (0, rejection.GetProperty("claimId").ToString()));
                    reasons[reason] = (count + 1, example);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            await foreach (var taken in batches.Reader.ReadAllAsync())
            {
                var body = taken.Body.ToString();
                JsonDocument parsed;
                try
                {
                    await Task.WhenAll(taken.After);
                    parsed = await PostAsync(body);
                }
                catch (Exception e)
                {
                    // A batch that cannot be taken stops the replay, and whatever waits for it with it.
                    taken.Taken.SetException(e);
                    throw;
                }

                using var reply = parsed;
                lock (inFlight)
                {
                    taken.Ids.ForEach(id => inFlight.Remove(id));
                }

                taken.Taken.SetResult();
                var lines = body.Count(c => c == '\n');
                lock (progress)
                {
                    posted += lines;
                    Tally(reply);
                    while (nextTenth <= 10 && posted >= events * nextTenth / 10)
                    {
                        var now = Stopwatch.GetTimestamp();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {posted,9:N0}  {posted / Stopwatch.GetElapsedTime(started, now).TotalSeconds,12:N0} {(posted - lastPosted) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds,14:N0}  {Rss(host.Pid),7:N0} MB  {Pss(postmaster),8:N0} MB"));
                        (lastAt, lastPosted) = (now, posted);
                        nextTenth++;
                    }
                }
            }
        })));
        await producer;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replayed: {posted:N0} events in {seconds:F1} s = {posted / seconds:N0} events/s; {accepted:N0} accepted, {refused:N0} refused; host peak RSS {Peak(host.Pid):N0} MB"));

        foreach (var (reason, (count, example)) in reasons.OrderByDescending(r => r.Value.Count))
        {
            Console.WriteLine($"refused : {count:N0} × {reason} (e.g. claim {example})");
        }

        using var admin = await ClientAsync(host, "admin", settings);
        var counts = new List<string>();
        var lines = new List<string>();
        foreach (var kind in Kinds)
        {
            var alerts = await DemoYearClient.AlertsAsync(admin, kind);
            counts.Add($"{kind} {alerts.Count}");
            lines.AddRange(alerts.Select(a => $"{a["alertId"]}\t{a["severity"]}\t{a["asOf"]}\t{a["status"]}"));
        }

        if (alertsOut is not null)
        {
            // One line per alert, sorted, so that two replays of the same year can be compared with diff.
            await File.WriteAllLinesAsync(alertsOut, lines.Order(StringComparer.Ordinal));
        }

        Console.WriteLine($"alerts  : {string.Join(", ", counts)}");
        return refused == 0 ? 0 : 1;
    }

    private static async Task<HttpClient> ClientAsync(HostProcess host, string role, string[] settings)
    {
        var token = (await SiloCommand.RunAsync(["token", "--role", role, .. settings])).Stdout.Trim();
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The postmaster of the server on <paramref name="port"/>: the postgres process started with <c>-p port</c>.</summary>
    private static int Postmaster(int port) =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0)
            .FirstOrDefault(pid =>
            {
                var argv = TryRead($"/proc/{pid}/cmdline")?.Split('\0') ?? [];
                return argv.Length > 0 && argv[0].EndsWith("postgres", StringComparison.Ordinal)
                    && argv.Zip(argv.Skip(1)).Any(p => p.First == "-p" && p.Second == port.ToString(CultureInfo.InvariantCulture));
            });

    /// <summary>PSS of the postmaster and its children, in MB.</summary>
    private static long Pss(int postmaster)
    {
        if (postmaster == 0)
        {
            return 0;
        }

        long kb = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || (pid != postmaster && ParentOf(pid) != postmaster))
            {
                continue;
            }

            kb += Field(TryRead($"/proc/{pid}/smaps_rollup"), "Pss:");
        }

        return kb / 1024;
    }

    private static int ParentOf(int pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        if (stat is null)
        {
            return 0;
        }

        // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    private static long Rss(int pid) => Field(TryRead($"/proc/{pid}/status"), "VmRSS:") / 1024;

    private static long Peak(int pid) => Field(TryRead($"/proc/{pid}/status"), "VmHWM:") / 1024;

    private static long Field(string? text, string key) =>
        text?.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : 0;

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A batch of NDJSON lines, its claim ids, and the batches it waits for (those holding what it reverses).</summary>
    private sealed class Batch
    {
        public StringBuilder Body { get; } = new();

        public List<string> Ids { get; } = [];

        public List<Task> After { get; } = [];

        public TaskCompletionSource Taken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
