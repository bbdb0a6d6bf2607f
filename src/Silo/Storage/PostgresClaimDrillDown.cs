using Monitoring.DrillDown;
using Npgsql;

namespace Monitoring.Silo.Storage;

/// <summary>
/// The drill-down on the PostgreSQL ledger: grouped and paged in the database (index of migration 0014), so that a
/// question about a hospital's year returns sums and one page of claims, never the year's rows.
/// </summary>
public sealed class PostgresClaimDrillDown(NpgsqlDataSource dataSource) : IClaimDrillDown
{
    /// <summary>The settlements of the hospitals in the fund year that no reversal cancelled.</summary>
    private const string Standing =
        """
        FROM claims_ledger s
        WHERE s.kind = 'settlement' AND s.hospital_id = ANY(@hospitals)
          AND s.budget_date >= @from AND s.budget_date < @to
          AND NOT EXISTS (SELECT 1 FROM claims_ledger r WHERE r.reverses_claim_id = s.claim_id)
        """;

    public async Task<IReadOnlyList<DrillDownCell>> CellsAsync(IReadOnlyCollection<string> hospitals, int fundYear,
        DrillDownDimension dimension, CancellationToken cancellationToken = default)
    {
        if (hospitals.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            $"""
            SELECT s.hospital_id, {KeyExpression(dimension)} AS key, extract(month FROM s.budget_date)::int AS month,
                   count(*), coalesce(sum((s.body ->> 'totalCost')::numeric), 0), sum(s.fund_paid)
            {Standing}
            GROUP BY 1, 2, 3
            """);
        AddRange(command, hospitals, fundYear);
        var cells = new List<DrillDownCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(new DrillDownCell(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3),
                reader.GetDecimal(4), reader.GetDecimal(5)));
        }

        return cells;
    }

    public async Task<TopClaimsPage> TopClaimsAsync(TopClaimsQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Hospitals.Count == 0)
        {
            return new TopClaimsPage([], null);
        }

        await using var command = dataSource.CreateCommand(
            $"""
            SELECT s.claim_id, s.hospital_id, s.patient_id, (s.body ->> 'admissionDate')::date, (s.body ->> 'dischargeDate')::date,
                   s.body ->> 'principalDiagnosis', s.body ->> 'drgCode', s.body ->> 'department', s.body ->> 'doctorId',
                   (s.body ->> 'totalCost')::numeric, s.fund_paid, s.budget_date
            {Standing}
              AND {KeyExpression(query.Dimension)} = @key
              AND (@month::int IS NULL OR extract(month FROM s.budget_date)::int = @month::int)
            ORDER BY s.fund_paid DESC, s.claim_id
            LIMIT @limit OFFSET @offset
            """);
        AddRange(command, query.Hospitals, query.FundYear);
        command.Parameters.AddWithValue("key", query.Key);
        command.Parameters.Add(new NpgsqlParameter<int?>("month", query.Month) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        command.Parameters.AddWithValue("offset", query.Offset);
        var claims = new List<TopClaim>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add(new TopClaim(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetDecimal(9), reader.GetDecimal(10), reader.GetFieldValue<DateOnly>(11)));
        }

        var more = claims.Count > query.Limit;
        return new TopClaimsPage(more ? claims[..query.Limit] : claims, more ? query.Offset + query.Limit : null);
    }

    /// <summary>The same keys as <see cref="StandingSettlements.KeyOf"/>: the empty string when the claim does not say.</summary>
    private static string KeyExpression(DrillDownDimension dimension) => dimension switch
    {
        DrillDownDimension.Drg => "coalesce(s.body ->> 'drgCode', '')",
        DrillDownDimension.Department => "coalesce(s.body ->> 'department', '')",
        DrillDownDimension.Doctor => "coalesce(s.body ->> 'doctorId', '')",
        DrillDownDimension.Month => "to_char(s.budget_date, 'YYYY-MM')",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    private static void AddRange(NpgsqlCommand command, IReadOnlyCollection<string> hospitals, int fundYear)
    {
        command.Parameters.AddWithValue("hospitals", hospitals.ToArray());
        command.Parameters.AddWithValue("from", new DateOnly(fundYear, 1, 1));
        command.Parameters.AddWithValue("to", new DateOnly(fundYear + 1, 1, 1));
    }
}
