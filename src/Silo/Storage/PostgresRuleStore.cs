using System.Text.Json;
using Monitoring.Rules;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Silo.Storage;

/// <summary>The rule library's history in PostgreSQL (table <c>rule_history</c>, migration 0030): appended in one transaction, read in order.</summary>
public sealed class PostgresRuleStore(NpgsqlDataSource dataSource) : IRuleStore
{
    private static readonly JsonSerializerOptions Json = new();

    public async Task<RuleEvent[]> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT body FROM rule_history ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<RuleEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(JsonSerializer.Deserialize<RuleEvent>(reader.GetString(0), Json)!);
        }

        return [.. events];
    }

    public async Task AppendAsync(IReadOnlyList<RuleEvent> events, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var e in events)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO rule_history (rule_id, version, action, actor, at, body) VALUES (@rule, @version, @action, @actor, @at, @body)",
                connection, transaction);
            insert.Parameters.AddWithValue("rule", e.RuleId);
            insert.Parameters.AddWithValue("version", e.Version);
            insert.Parameters.AddWithValue("action", e.Action);
            insert.Parameters.AddWithValue("actor", e.By);
            insert.Parameters.AddWithValue("at", e.At.ToUniversalTime());
            insert.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(e, Json) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
