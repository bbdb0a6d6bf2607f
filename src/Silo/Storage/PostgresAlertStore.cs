using System.Text.Json;
using Monitoring.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Silo.Storage;

/// <summary>
/// Alerts in PostgreSQL (table <c>alerts</c>, migrations 0006, 0008, 0009 and 0015), one row per alert id; the body stays as
/// published, status and acknowledgement live beside it, and <c>sequence</c> (the order of storing) is the page cursor.
/// </summary>
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
            RETURNING alert_id, sequence
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
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetString(0)] = reader.GetInt64(1);
        }

        return [.. alerts.Where(a => stored.ContainsKey(a.AlertId)).Select(a => a with { Sequence = stored[a.AlertId], Revision = 1 })];
    }

    public async Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT body, status, status_reason, acknowledged, sequence, revision FROM alerts
            WHERE (@before::bigint IS NULL OR sequence < @before)
              AND (@counties::text[] IS NULL OR county_id = ANY(@counties))
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
        command.Parameters.Add(new NpgsqlParameter<long?>("before", NpgsqlDbType.Bigint) { TypedValue = query.Before });
        return await ReadAllAsync(command, cancellationToken);
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
            UPDATE alerts SET status = 'withdrawn', status_reason = @reason, status_changed_at = now(), revision = revision + 1
            WHERE status <> 'withdrawn' AND (alert_id = ANY(@ids) OR (kind = ANY(@resting) AND claim_ids && @claims))
            RETURNING body, status, status_reason, acknowledged, sequence, revision
            """);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("ids", alertIds.ToArray());
        command.Parameters.AddWithValue("resting", AlertKinds.RestingOnClaims.ToArray());
        command.Parameters.AddWithValue("claims", claimIds.ToArray());
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> ResolveAsync(
        string kind, string subjectLevel, string subjectId, DateTimeOffset through, string reason, CancellationToken cancellationToken = default,
        string? idPrefix = null)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE alerts SET status = 'resolved', status_reason = @reason, status_changed_at = now(), revision = revision + 1
            WHERE kind = @kind AND subject_level = @level AND subject_id = @subject AND as_of <= @through
              AND status IN ('open', 'acknowledged') AND (@prefix::text IS NULL OR starts_with(alert_id, @prefix))
            RETURNING body, status, status_reason, acknowledged, sequence, revision
            """);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("level", subjectLevel);
        command.Parameters.AddWithValue("subject", subjectId);
        command.Parameters.AddWithValue("through", through.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<string?>("prefix", NpgsqlDbType.Text) { TypedValue = idPrefix });
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason, CancellationToken cancellationToken = default)
    {
        if (alertIds.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE alerts SET status = 'resolved', status_reason = @reason, status_changed_at = now(), revision = revision + 1
            WHERE alert_id = ANY(@ids) AND status <> 'withdrawn'
              AND NOT (status = 'resolved' AND status_reason IS NOT DISTINCT FROM @reason)
            RETURNING body, status, status_reason, acknowledged, sequence, revision
            """);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("ids", alertIds.ToArray());
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT body, status, status_reason, acknowledged, sequence, revision FROM alerts WHERE alert_id = @id");
        command.Parameters.AddWithValue("id", alertId);
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public async Task<AcknowledgeOutcome> AcknowledgeAsync(
        string alertId, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        // One statement, so two people acknowledging at once cannot both win: the second finds it taken.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE alerts SET acknowledged = @ack, revision = revision + 1,
                   status = CASE WHEN status = 'open' THEN 'acknowledged' ELSE status END,
                   status_changed_at = CASE WHEN status = 'open' THEN now() ELSE status_changed_at END
            WHERE alert_id = @id AND acknowledged IS NULL
            RETURNING body, status, status_reason, acknowledged, sequence, revision
            """);
        command.Parameters.AddWithValue("id", alertId);
        command.Parameters.Add(new NpgsqlParameter<string>("ack", NpgsqlDbType.Jsonb)
        {
            TypedValue = JsonSerializer.Serialize(acknowledgement),
        });
        var changed = await ReadAllAsync(command, cancellationToken);
        return changed.Count > 0
            ? new AcknowledgeOutcome(changed[0], true)
            : new AcknowledgeOutcome(await FindAsync(alertId, cancellationToken), false);
    }

    private static async Task<IReadOnlyList<Alert>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(Read(reader));
        }

        return alerts;
    }

    public async Task<Alert?> SetCaseAsync(string alertId, string caseId, CancellationToken cancellationToken = default)
    {
        // The case id lives in the body as published (alert.schema.json § caseId); set once, never replaced.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE alerts SET body = jsonb_set(body, '{CaseId}', to_jsonb(COALESCE(body ->> 'CaseId', @caseId))),
                   revision = revision + CASE WHEN body ->> 'CaseId' IS NULL THEN 1 ELSE 0 END
            WHERE alert_id = @id
            RETURNING body, status, status_reason, acknowledged, sequence, revision
            """);
        command.Parameters.AddWithValue("id", alertId);
        command.Parameters.AddWithValue("caseId", caseId);
        var updated = await ReadAllAsync(command, cancellationToken);
        return updated.Count > 0 ? updated[0] : null;
    }

    /// <summary>The alert as published, with where it stands now.</summary>
    private static Alert Read(NpgsqlDataReader reader) => JsonSerializer.Deserialize<Alert>(reader.GetString(0))! with
    {
        Status = reader.GetString(1),
        StatusReason = reader.IsDBNull(2) ? null : reader.GetString(2),
        Acknowledged = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<AlertAcknowledgement>(reader.GetString(3)),
        Sequence = reader.GetInt64(4),
        Revision = reader.GetInt64(5),
    };

    public async Task<IReadOnlyList<UndeliveredAlert>> UndeliveredAsync(IReadOnlyCollection<string> caseKinds, int limit, CancellationToken cancellationToken = default)
    {
        // The second arm is CaseOpening.OpensByItself on the stored columns: an alert still waiting for its case.
        await using var command = dataSource.CreateCommand(
            """
            SELECT body, status, status_reason, acknowledged, sequence, revision, pushed_revision FROM alerts
            WHERE pushed_revision < revision
               OR (body ->> 'CaseId' IS NULL AND status IN ('open', 'acknowledged') AND kind = ANY(@caseKinds)
                   AND hospital_id IS NOT NULL AND cardinality(claim_ids) > 0)
            ORDER BY sequence
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("caseKinds", caseKinds.ToArray());
        command.Parameters.AddWithValue("limit", limit);
        var undelivered = new List<UndeliveredAlert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var alert = Read(reader);
            undelivered.Add(new UndeliveredAlert(alert, reader.GetInt64(6) >= alert.Revision));
        }

        return undelivered;
    }

    public async Task MarkPushedAsync(IReadOnlyCollection<Alert> pushed, CancellationToken cancellationToken = default)
    {
        if (pushed.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE alerts SET pushed_revision = d.revision
            FROM unnest(@ids, @revisions) AS d(id, revision)
            WHERE alerts.alert_id = d.id AND alerts.pushed_revision < d.revision
            """);
        command.Parameters.AddWithValue("ids", pushed.Select(a => a.AlertId).ToArray());
        command.Parameters.AddWithValue("revisions", pushed.Select(a => a.Revision).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
