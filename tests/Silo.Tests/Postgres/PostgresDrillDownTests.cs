using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Claims;
using Monitoring.DrillDown;
using Monitoring.Ledger;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>The drill-down's SQL on PostgreSQL gives what the in-memory engine gives over the same ledger rows.</summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresDrillDownTests(PostgresServer postgres)
{
    private static readonly string[] Hospitals = ["H53092200001", "H53092200002", "H53092200003"];
    private static readonly string?[] Drgs = ["ES23", "GB13", null, "FM19"];

    private static IReadOnlyList<ClaimSubmission> Year()
    {
        var random = new Random(7);
        var batch = new List<ClaimSubmission>();
        for (var i = 0; i < 400; i++)
        {
            var settled = new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.FromHours(8)).AddHours(i * 19);
            var paid = Math.Round((decimal)(800 + random.NextDouble() * 20_000), 2);
            var claim = new ClaimEvent
            {
                ClaimId = $"dd-{i:D4}", Kind = ClaimKind.Settlement, SettledAt = settled, PatientId = $"P-{random.Next(300):D3}",
                HospitalId = Hospitals[random.Next(Hospitals.Length)], AdmissionDate = DateOnly.FromDateTime(settled.Date).AddDays(-6),
                DischargeDate = DateOnly.FromDateTime(settled.Date).AddDays(-1), Department = random.Next(2) == 0 ? "呼吸内科" : "骨科",
                DoctorId = $"D{random.Next(5)}", PrincipalDiagnosis = "J18.900", DrgCode = Drgs[random.Next(Drgs.Length)],
                TotalCost = Math.Round(paid / 0.7m, 2), FundPaid = paid,
            };
            batch.Add(Submit(batch.Count, claim));
        }

        // Reverse a handful: they must leave both engines alike.
        foreach (var target in new[] { 3, 50, 51, 200 })
        {
            var original = batch[target].Claim;
            batch.Add(Submit(batch.Count, new ClaimEvent
            {
                ClaimId = $"{original.ClaimId}-r", Kind = ClaimKind.Reversal, ReversesClaimId = original.ClaimId, SettledAt = original.SettledAt.AddDays(20),
            }));
        }

        return batch;
    }

    private static ClaimSubmission Submit(int index, ClaimEvent claim)
    {
        var body = JsonSerializer.Serialize(claim, JsonSerializerOptions.Web);
        return new ClaimSubmission(index, claim, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)), body);
    }

    [Fact]
    public async Task Postgres_cells_and_top_claims_equal_the_in_memory_engines_for_every_dimension()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(connection);
        var year = Year();
        var memoryLedger = new InMemoryClaimsLedger();
        await memoryLedger.AppendAsync(year);
        var appended = await new PostgresClaimsLedger(data).AppendAsync(year);
        Assert.Equal(year.Count, appended.Accepted.Count);
        IClaimDrillDown memory = new LedgerClaimDrillDown(memoryLedger), sql = new PostgresClaimDrillDown(data);

        foreach (var dimension in Enum.GetValues<DrillDownDimension>())
        {
            var expected = Sorted(await memory.CellsAsync(Hospitals, 2026, dimension));
            Assert.Equal(expected, Sorted(await sql.CellsAsync(Hospitals, 2026, dimension)));
            Assert.Equal(396, expected.Sum(c => c.Cases));
        }

        var query = new TopClaimsQuery([Hospitals[0]], 2026, DrillDownDimension.Drg, "", Month: null, Limit: 7, Offset: 7);
        var fromMemory = await memory.TopClaimsAsync(query);
        var fromSql = await sql.TopClaimsAsync(query);
        Assert.Equal(7, fromSql.Claims.Count);
        Assert.Equal(fromMemory.NextOffset, fromSql.NextOffset);
        Assert.Equal(fromMemory.Claims, fromSql.Claims);
        Assert.All(fromSql.Claims, c => Assert.Equal((Hospitals[0], (string?)null), (c.HospitalId, c.DrgCode)));
    }

    [Fact]
    public async Task Drill_down_query_uses_the_settlement_index()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(connection);
        await using var session = await data.OpenConnectionAsync();

        // An empty table would be scanned whatever the indexes: the question is whether the index can serve the query.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", session))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            "EXPLAIN SELECT count(*) FROM claims_ledger s WHERE s.kind = 'settlement' AND s.hospital_id = ANY(@h) AND s.budget_date >= '2026-01-01' AND s.budget_date < '2027-01-01'", session);
        explain.Parameters.AddWithValue("h", Hospitals);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains("claims_ledger_settlement_budget", StringComparison.Ordinal));
    }

    private static List<DrillDownCell> Sorted(IEnumerable<DrillDownCell> cells) =>
        [.. cells.OrderBy(c => c.HospitalId, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Month)];
}
