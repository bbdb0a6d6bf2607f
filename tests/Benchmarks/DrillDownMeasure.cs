using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Claims;
using Monitoring.DrillDown;
using Monitoring.Ledger;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Benchmarks;

/// <summary>
/// drill-down-measure: how long one drill-down question takes on a ledger of N claims — a hospital's groups for the
/// year (cells, by DRG) and one page of the claims behind a figure — on PostgreSQL (grouped in the database, index of
/// migration 0014) and on the in-memory ledger of the embedded mode, over the same rows, in one run.
/// </summary>
public static class DrillDownMeasure
{
    private static readonly string[] Drgs = ["ES23", "ES25", "GB13", "FM19", "IC29", "RU14", "GZ13", "DT19"];

    public static async Task<int> RunAsync(string[] args)
    {
        var claims = BenchmarkArgs.Int(args, "--claims", 200_000);
        var hospitals = BenchmarkArgs.Int(args, "--hospitals", 40);
        var rounds = BenchmarkArgs.Int(args, "--rounds", 20);
        Console.WriteLine($"drill-down measure: {claims:N0} claims over {hospitals} hospitals, {rounds} rounds each, {Environment.ProcessorCount} cores");

        var ids = Enumerable.Range(1, hospitals).Select(i => $"H53092{i:D6}").ToArray();
        var year = Year(claims, ids);
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(connection);
        var sqlLedger = new PostgresClaimsLedger(data);
        var memoryLedger = new InMemoryClaimsLedger();
        foreach (var chunk in year.Chunk(10_000))
        {
            await sqlLedger.AppendAsync(chunk);
            await memoryLedger.AppendAsync(chunk);
        }

        await using (var analyze = data.CreateCommand("ANALYZE claims_ledger"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        IClaimDrillDown sql = new PostgresClaimDrillDown(data), memory = new LedgerClaimDrillDown(memoryLedger);
        // One hospital and its same-level peers: a quarter of the hospitals, as a hospital's drill-down asks.
        var asked = ids.Take(Math.Max(1, hospitals / 4)).ToArray();
        var page = new TopClaimsQuery([ids[0]], 2026, DrillDownDimension.Drg, "GB13", Month: 6, Limit: 20, Offset: 0);
        var sqlCells = await MedianAsync(rounds, () => sql.CellsAsync(asked, 2026, DrillDownDimension.Drg));
        var memoryCells = await MedianAsync(rounds, () => memory.CellsAsync(asked, 2026, DrillDownDimension.Drg));
        var sqlPage = await MedianAsync(rounds, () => sql.TopClaimsAsync(page));
        var memoryPage = await MedianAsync(rounds, () => memory.TopClaimsAsync(page));

        Console.WriteLine($"cells, {asked.Length,2} hospitals, by DRG: PostgreSQL {sqlCells,8:N1} ms   in-memory {memoryCells,8:N1} ms   ratio {sqlCells / memoryCells,6:N2}");
        Console.WriteLine($"one page of 20 claims         : PostgreSQL {sqlPage,8:N1} ms   in-memory {memoryPage,8:N1} ms   ratio {sqlPage / memoryPage,6:N2}");
        return 0;
    }

    private static async Task<double> MedianAsync<T>(int rounds, Func<Task<T>> query)
    {
        await query();
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static List<ClaimSubmission> Year(int claims, string[] hospitals)
    {
        var random = new Random(15);
        var year = new List<ClaimSubmission>(claims);
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < claims; i++)
        {
            var settled = start.AddSeconds(i * (364.0 * 86_400 / claims));
            var paid = Math.Round((decimal)(800 + random.NextDouble() * 20_000), 2);
            var claim = new ClaimEvent
            {
                ClaimId = $"m-{i:D8}", Kind = ClaimKind.Settlement, SettledAt = settled, PatientId = $"P-{random.Next(100_000):D6}",
                HospitalId = hospitals[random.Next(hospitals.Length)], AdmissionDate = DateOnly.FromDateTime(settled.Date).AddDays(-6),
                DischargeDate = DateOnly.FromDateTime(settled.Date).AddDays(-1), Department = $"科室{random.Next(12)}", DoctorId = $"D{random.Next(400):D4}",
                PrincipalDiagnosis = "J18.900", DrgCode = Drgs[random.Next(Drgs.Length)], TotalCost = Math.Round(paid / 0.7m, 2), FundPaid = paid,
            };
            var body = JsonSerializer.Serialize(claim, JsonSerializerOptions.Web);
            year.Add(new ClaimSubmission(i % 10_000, claim, SHA256.HashData(Encoding.UTF8.GetBytes(body)), body));
        }

        return year;
    }
}
