using Monitoring.Settlements;
using Npgsql;

namespace Monitoring.Silo.Storage;

/// <summary>
/// The package's books on the PostgreSQL ledger, grouped in the database: the same cells as <see cref="PackageCells"/>
/// (standing settlements and recoveries by hospital, payer and budget month). Settlements are found on the drill-down's
/// index of (hospital, budget date) (0014), the reversals left out through the unique index on reverses_claim_id.
/// </summary>
public sealed class PostgresPackageLedger(NpgsqlDataSource dataSource) : IPackageLedger
{
    public async Task<IReadOnlyList<PackageCell>> CellsAsync(IReadOnlyCollection<string> hospitals, int fundYear, CancellationToken cancellationToken = default)
    {
        if (hospitals.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            """
            SELECT s.hospital_id, s.insured_county_id, extract(month FROM s.budget_date)::int AS month,
                   count(*) FILTER (WHERE s.kind = 'settlement'),
                   sum(s.fund_paid),
                   count(*) FILTER (WHERE s.kind = 'settlement' AND s.body ->> 'drgCode' IS NOT NULL),
                   coalesce(sum(s.fund_paid) FILTER (WHERE s.kind = 'settlement' AND s.body ->> 'paymentMethod' = 'drg'), 0)
            FROM claims_ledger s
            WHERE s.kind IN ('settlement', 'recovery') AND s.hospital_id = ANY(@hospitals)
              AND s.budget_date >= @from AND s.budget_date < @to
              AND NOT EXISTS (SELECT 1 FROM claims_ledger r WHERE r.reverses_claim_id = s.claim_id)
            GROUP BY 1, 2, 3
            ORDER BY 1, 2 NULLS FIRST, 3
            """);
        command.Parameters.AddWithValue("hospitals", hospitals.ToArray());
        command.Parameters.AddWithValue("from", new DateOnly(fundYear, 1, 1));
        command.Parameters.AddWithValue("to", new DateOnly(fundYear + 1, 1, 1));
        var cells = new List<PackageCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(new PackageCell(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
                reader.GetInt64(3), reader.GetDecimal(4), reader.GetInt64(5), reader.GetDecimal(6)));
        }

        return cells;
    }
}
