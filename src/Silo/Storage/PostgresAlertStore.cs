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
            INSERT INTO alerts (alert_id, kind, severity, county_id, hospital_id, raised_at, as_of, body, claim_ids)
            SELECT a.id, a.kind, a.severity, a.county, a.hospital, a.raised, a.as_of, a.body,
                   ARRAY(SELECT jsonb_array_elements_text(a.body -> 'ClaimIds'))
            FROM unnest(@ids, @kinds, @severities, @counties, @hospitals, @raised, @asOf, @bodies)
                 AS a(id, kind, severity, county, hospital, raised, as_of, body)
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
            SELECT body, status, status_reason FROM alerts
            WHERE (@counties::text[] IS NULL OR county_id = ANY(@counties))
              AND (@onlyHospital::text IS NULL OR hospital_id = @onlyHospital)
              AND (@since::timestamptz IS NULL OR raised_at > @since)
              AND (@until::timestamptz IS NULL OR raised_at < @until)
              AND (@kind::text IS NULL OR kind = @kind)
              AND (@severity::smallint IS NULL OR severity = @severity)
              AND (@county::text IS NULL OR county_id = @county)
              AND (@hospital::text IS NULL OR hospital_id = @hospital)
              AND (@status::text IS NULL OR status = @status)
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
        command.Parameters.Add(new NpgsqlParameter<string?>("status", NpgsqlDbType.Text) { TypedValue = query.Status });
        command.Parameters.AddWithValue("limit", query.Limit);
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(Read(reader));
        }

        return alerts;
    }

    public async Task<IReadOnlyList<Alert>> WithdrawAsync(
        IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason, CancellationToken cancellationToken = default)
    {
        if (alertIds.Count == 0 && claimIds.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE alerts SET status = 'withdrawn', status_reason = @reason, status_changed_at = now()
            WHERE status <> 'withdrawn' AND (alert_id = ANY(@ids) OR claim_ids && @claims)
            RETURNING body, status, status_reason
            """);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("ids", alertIds.ToArray());
        command.Parameters.AddWithValue("claims", claimIds.ToArray());
        var withdrawn = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            withdrawn.Add(Read(reader));
        }

        return withdrawn;
    }

    public async Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT body, status, status_reason FROM alerts WHERE alert_id = @id");
        command.Parameters.AddWithValue("id", alertId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<Alert?> SetCaseAsync(string alertId, string caseId, CancellationToken cancellationToken = default)
    {
        // The case id lives in the body as published (alert.schema.json § caseId); set once, never replaced.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE alerts SET body = jsonb_set(body, '{CaseId}', to_jsonb(COALESCE(body ->> 'CaseId', @caseId)))
            WHERE alert_id = @id
            RETURNING body, status, status_reason
            """);
        command.Parameters.AddWithValue("id", alertId);
        command.Parameters.AddWithValue("caseId", caseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The alert as published, with where it stands now.</summary>
    private static Alert Read(NpgsqlDataReader reader) => JsonSerializer.Deserialize<Alert>(reader.GetString(0))! with
    {
        Status = reader.GetString(1),
        StatusReason = reader.IsDBNull(2) ? null : reader.GetString(2),
    };
}
