using System.Text.Json;
using Monitoring.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Silo.Storage;

/// <summary>Alerts in PostgreSQL (table <c>alerts</c>, migration 0006), one row per alert id.</summary>
public sealed class PostgresAlertStore(NpgsqlDataSource dataSource) : IAlertStore
{
    public async Task<IReadOnlyList<Alert>> AddAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        if (alerts.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO alerts (alert_id, kind, severity, county_id, hospital_id, raised_at, as_of, body)
            SELECT * FROM unnest(@ids, @kinds, @severities, @counties, @hospitals, @raised, @asOf, @bodies)
            ON CONFLICT (alert_id) DO NOTHING
            RETURNING alert_id
            """);
        command.Parameters.AddWithValue("ids", alerts.Select(a => a.AlertId).ToArray());
        command.Parameters.AddWithValue("kinds", alerts.Select(a => a.Kind).ToArray());
        command.Parameters.AddWithValue("severities", alerts.Select(a => (short)a.Severity).ToArray());
        command.Parameters.AddWithValue("counties", alerts.Select(a => a.CountyId).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string?[]>("hospitals", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = alerts.Select(a => a.HospitalId).ToArray(),
        });
        command.Parameters.AddWithValue("raised", alerts.Select(a => a.RaisedAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("asOf", alerts.Select(a => a.AsOf.ToUniversalTime()).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string[]>("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            TypedValue = alerts.Select(a => JsonSerializer.Serialize(a)).ToArray(),
        });
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return [.. alerts.Where(a => stored.Contains(a.AlertId))];
    }

    public async Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT body FROM alerts
            WHERE (@counties::text[] IS NULL OR county_id = ANY(@counties))
              AND (@onlyHospital::text IS NULL OR hospital_id = @onlyHospital)
              AND (@since::timestamptz IS NULL OR raised_at > @since)
              AND (@until::timestamptz IS NULL OR raised_at < @until)
              AND (@kind::text IS NULL OR kind = @kind)
              AND (@severity::smallint IS NULL OR severity = @severity)
              AND (@county::text IS NULL OR county_id = @county)
              AND (@hospital::text IS NULL OR hospital_id = @hospital)
            ORDER BY sequence DESC
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]?>("counties", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = query.Counties?.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string?>("onlyHospital", NpgsqlDbType.Text) { TypedValue = query.OnlyHospitalId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", NpgsqlDbType.TimestampTz) { TypedValue = query.Since?.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("until", NpgsqlDbType.TimestampTz) { TypedValue = query.Until?.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlDbType.Text) { TypedValue = query.Kind });
        command.Parameters.Add(new NpgsqlParameter<short?>("severity", NpgsqlDbType.Smallint) { TypedValue = (short?)query.Severity });
        command.Parameters.Add(new NpgsqlParameter<string?>("county", NpgsqlDbType.Text) { TypedValue = query.CountyId });
        command.Parameters.Add(new NpgsqlParameter<string?>("hospital", NpgsqlDbType.Text) { TypedValue = query.HospitalId });
        command.Parameters.AddWithValue("limit", query.Limit);
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(JsonSerializer.Deserialize<Alert>(reader.GetString(0))!);
        }

        return alerts;
    }
}
