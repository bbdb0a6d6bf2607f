using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>What the ledger table itself says, read with SQL, to hold the grains' balances against.</summary>
public sealed class LedgerTotals(string connectionString)
{
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<decimal> FundPaidAsync(params string[] hospitals) => ScalarAsync<decimal>(
        "SELECT coalesce(sum(fund_paid), 0) FROM claims_ledger WHERE hospital_id = ANY(@h)", ("h", hospitals));

    /// <summary>Settlements that still stand: settlements less reversals.</summary>
    public Task<long> ClaimsStandingAsync(params string[] hospitals) => ScalarAsync<long>(
        "SELECT coalesce(sum(CASE kind WHEN 'settlement' THEN 1 ELSE -1 END), 0)::bigint FROM claims_ledger WHERE hospital_id = ANY(@h)", ("h", hospitals));

    public Task<long> RowsAsync() => ScalarAsync<long>("SELECT count(*) FROM claims_ledger");

    public Task<long> RowsWithIdsAsync(IReadOnlyCollection<string> claimIds) => ScalarAsync<long>(
        "SELECT count(*) FROM claims_ledger WHERE claim_id = ANY(@ids)", ("ids", claimIds.ToArray()));
}
