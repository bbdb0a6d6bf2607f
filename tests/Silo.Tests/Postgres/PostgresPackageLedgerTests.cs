using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Settlements;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// The package's books on PostgreSQL (migrations through 0025 on a throwaway server): the payer column is written and
/// read back, a reversal carries its settlement's payer, and the SQL cells equal the in-memory engine's.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresPackageLedgerTests(PostgresServer postgres)
{
    private static readonly string[] Hospitals = ["H53092200001", "H53092200002", "H53092200101"];
    private static readonly string?[] Payers = [null, null, "530922", "530923", "110101"];

    private static IReadOnlyList<ClaimSubmission> Year()
    {
        var random = new Random(27);
        var batch = new List<ClaimSubmission>();
        for (var i = 0; i < 300; i++)
        {
            var settled = new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.FromHours(8)).AddHours(i * 27);
            var paid = Math.Round((decimal)(800 + random.NextDouble() * 20_000), 2);
            var grouped = random.Next(10) > 0;
            batch.Add(Submit(batch.Count, new ClaimEvent
            {
                ClaimId = $"pk-{i:D4}", Kind = ClaimKind.Settlement, SettledAt = settled, PatientId = $"P-{random.Next(300):D3}",
                HospitalId = Hospitals[random.Next(Hospitals.Length)], DrgCode = grouped ? "ES23" : null,
                PaymentMethod = grouped && random.Next(4) > 0 ? "drg" : "per-diem", TotalCost = Math.Round(paid / 0.7m, 2), FundPaid = paid,
                InsuredCountyId = Payers[random.Next(Payers.Length)],
            }));
        }

        foreach (var target in new[] { 4, 40, 41, 150 })
        {
            var original = batch[target].Claim;
            batch.Add(Submit(batch.Count, new ClaimEvent
            {
                ClaimId = $"{original.ClaimId}-r", Kind = ClaimKind.Reversal, ReversesClaimId = original.ClaimId, SettledAt = original.SettledAt.AddDays(9),
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
    public async Task Payer_is_stored_carried_onto_reversals_and_the_cells_equal_the_in_memory_engines()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(connection);
        var year = Year();
        var memoryLedger = new InMemoryClaimsLedger();
        await memoryLedger.AppendAsync(year);
        var ledger = new PostgresClaimsLedger(data);
        Assert.Equal(year.Count, (await ledger.AppendAsync(year)).Accepted.Count);

        var movements = new List<FundMovement>();
        await foreach (var movement in ledger.ReadMovementsAsync([.. Hospitals.Select(h => new HospitalCursor(h, 0))]))
        {
            movements.Add(movement);
        }

        var memoryMovements = new List<FundMovement>();
        await foreach (var movement in memoryLedger.ReadMovementsAsync([.. Hospitals.Select(h => new HospitalCursor(h, 0))]))
        {
            memoryMovements.Add(movement);
        }

        Assert.Equal(memoryMovements, movements);
        var reversed = year[4].Claim;
        Assert.Equal(reversed.InsuredCountyId, movements.Single(m => m.Kind == ClaimKind.Reversal && m.FundPaid == -reversed.FundPaid).InsuredCountyId);

        var expected = await new LedgerPackageLedger(memoryLedger).CellsAsync(Hospitals, 2026);
        var fromSql = await new PostgresPackageLedger(data).CellsAsync(Hospitals, 2026);
        Assert.Equal(Sorted(expected), Sorted(fromSql));
        Assert.Equal(296, expected.Sum(c => c.Settlements));
        Assert.Contains(expected, c => c.InsuredCountyId == "110101");
    }

    private static List<PackageCell> Sorted(IEnumerable<PackageCell> cells) =>
        [.. cells.OrderBy(c => c.HospitalId, StringComparer.Ordinal).ThenBy(c => c.InsuredCountyId ?? "", StringComparer.Ordinal).ThenBy(c => c.Month)];
}
