using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Claims;
using Monitoring.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Benchmarks;

/// <summary>
/// Ingest through the real HTTP endpoint into the PostgreSQL mode, against a raw Npgsql binary COPY of the same rows
/// into a bare table (same columns, no keys), on one throwaway server in one run. The COPY is the ceiling: what the
/// database takes when nothing is parsed, validated, de-duplicated, sequenced or dispatched.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var claims = BenchmarkArgs.Int(args, "--claims", 100_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 5_000);
        var parallel = BenchmarkArgs.Int(args, "--parallel", 2);
        var events = TestClaims.Settlements("bench", claims);
        var batches = events.Chunk(batch).Select(TestClaims.JsonArray).ToList();
        Console.WriteLine($"ingest benchmark: {claims:N0} claims, batches of {batch:N0}, {parallel} concurrent posters, {Environment.ProcessorCount} cores");

        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();

        var copyRate = await RawCopyAsync(await postgres.CreateDatabaseAsync(), events, batch);

        // On and off alternate, each on a fresh database, and the median of each is compared: a machine that drifts
        // (another build, a cache warming) then weighs on both sides alike instead of on whichever ran second.
        var rounds = BenchmarkArgs.Int(args, "--rounds", 3);

        // Any host setting given (e.g. --Monitoring:Dispatch:QueueDetectors=true) goes to every HTTP run alike.
        string[] host = [.. args.Where(a => a.StartsWith("--Monitoring:", StringComparison.Ordinal))];
        var on = new List<double>();
        var off = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            on.Add(await HttpIngestAsync(await postgres.CreateDatabaseAsync(), batches, parallel, claims, host));
            off.Add(await HttpIngestAsync(await postgres.CreateDatabaseAsync(), batches, parallel, claims, [.. host, .. DetectorsOff]));
        }

        var ingestRate = Median(on);
        var withoutDetectors = Median(off);
        Console.WriteLine($"raw binary COPY : {copyRate,12:N0} rows/s");
        Console.WriteLine($"HTTP ingest     : {ingestRate,12:N0} claims/s (median of {rounds}: {string.Join(", ", on.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"ratio           : {ingestRate / copyRate,12:P1} of raw COPY (target >= 50%)");
        Console.WriteLine($"detectors off   : {withoutDetectors,12:N0} claims/s (median of {rounds}: {string.Join(", ", off.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}; split hospitalization, low-threshold admission and upcoding off)");
        Console.WriteLine($"on vs off       : {ingestRate / withoutDetectors,12:P1} (target >= 80%)");

        if (args.Contains("--each"))
        {
            // What each detector costs alone: all on but one.
            foreach (var setting in DetectorsOff)
            {
                var rate = await HttpIngestAsync(await postgres.CreateDatabaseAsync(), batches, parallel, claims, [.. host, setting]);
                Console.WriteLine($"without {setting.Split(':')[^2],-12}: {rate,12:N0} claims/s ({ingestRate / rate:P1} of it with all on)");
            }
        }

        return 0;
    }

    private static readonly string[] DetectorsOff =
        ["--Monitoring:Rules:Readmission:Enabled=false", "--Monitoring:Rules:LowThreshold:Enabled=false", "--Monitoring:Rules:Upcoding:Enabled=false"];

    private static double Median(List<double> rates) => rates.Order().ElementAt(rates.Count / 2);

    private static async Task<double> HttpIngestAsync(string connection, IReadOnlyList<string> batches, int parallel, int claims, params string[] settings)
    {
        await using var host = await RunningHost.StartAsync([
            "--Monitoring:Storage:Provider=PostgreSql",
            $"--Monitoring:Storage:ConnectionString={connection}",
            "--Monitoring:Auth:SigningKey=benchmark-signing-key-benchmark-signing-key",
            "--Logging:LogLevel:Default=Warning",
            .. settings]);
        using var client = host.Ingest();

        // One small batch first, so that the timing below holds no JIT, pool or grain activation start-up.
        var warmUp = TestClaims.JsonArray(TestClaims.Settlements("warm", 200));
        (await client.PostAsync("/api/claims", TestClaims.Body(warmUp))).EnsureSuccessStatusCode();

        var next = -1;
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                using var response = await client.PostAsync("/api/claims", TestClaims.Body(batches[i]));
                response.EnsureSuccessStatusCode();
                var reply = await response.Content.ReadFromJsonAsync<IngestReplyView>();
                Interlocked.Add(ref accepted, reply!.Accepted);
            }
        }));
        clock.Stop();
        if (accepted != claims)
        {
            throw new InvalidOperationException($"accepted {accepted} of {claims}");
        }

        var county = await host.FundAsync("county", "530922");
        Console.WriteLine($"  HTTP ingest: {clock.Elapsed.TotalSeconds:F2} s; county balance counts {county.ClaimsCounted - 200:N0} claims");
        return claims / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawCopyAsync(string connectionString, IReadOnlyList<string> events, int batch)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand(
            """
            CREATE TABLE bare_copy (claim_id text, kind text, reverses_claim_id text, hospital_id text, hospital_seq bigint,
              settled_at timestamptz, budget_date date, fund_paid numeric(14, 2), fingerprint bytea, body jsonb)
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        // The rows exactly as the ledger would write them, prepared before the clock starts.
        var seq = new Dictionary<string, long>();
        var rows = events.Select(json =>
        {
            var element = JsonDocument.Parse(json).RootElement;
            var claim = ClaimValidator.Validate(element, _ => true).Claim!;
            seq[claim.HospitalId!] = seq.GetValueOrDefault(claim.HospitalId!) + 1;
            return (claim, seq[claim.HospitalId!], ClaimFingerprint.Of(element), json);
        }).ToList();

        var clock = Stopwatch.StartNew();
        foreach (var chunk in rows.Chunk(batch))
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY bare_copy (claim_id, kind, reverses_claim_id, hospital_id, hospital_seq, settled_at, budget_date, fund_paid, fingerprint, body) FROM STDIN (FORMAT BINARY)");
            foreach (var (claim, hospitalSeq, fingerprint, body) in chunk)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(claim.ClaimId, NpgsqlDbType.Text);
                await importer.WriteAsync("settlement", NpgsqlDbType.Text);
                await importer.WriteNullAsync();
                await importer.WriteAsync(claim.HospitalId!, NpgsqlDbType.Text);
                await importer.WriteAsync(hospitalSeq, NpgsqlDbType.Bigint);
                await importer.WriteAsync(claim.SettledAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(BudgetClock.BudgetDate(claim.SettledAt), NpgsqlDbType.Date);
                await importer.WriteAsync(claim.FundPaid!.Value, NpgsqlDbType.Numeric);
                await importer.WriteAsync(fingerprint, NpgsqlDbType.Bytea);
                await importer.WriteAsync(body, NpgsqlDbType.Jsonb);
            }

            await importer.CompleteAsync();
        }

        clock.Stop();
        Console.WriteLine($"  raw COPY: {clock.Elapsed.TotalSeconds:F2} s");
        return rows.Count / clock.Elapsed.TotalSeconds;
    }
}
