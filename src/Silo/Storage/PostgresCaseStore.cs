using System.Text.Json;
using Monitoring.Access;
using Monitoring.Cases;
using Monitoring.Readmission;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Silo.Storage;

/// <summary>
/// Cases in PostgreSQL (tables <c>cases</c> and <c>case_history</c>, migration 0010). A save is one transaction: the
/// row is updated only at the version it was read at, and the new history lines are inserted (the table refuses
/// updates and deletes).
/// </summary>
public sealed class PostgresCaseStore(NpgsqlDataSource dataSource) : ICaseStore
{
    private static readonly JsonSerializerOptions Json = new();

    public async Task<(InspectionCase Case, bool Added)> AddAsync(InspectionCase c, CancellationToken cancellationToken = default)
    {
        var stored = c with { Version = 1 };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO cases ({Columns}) VALUES ({Values})
            ON CONFLICT (case_id) DO NOTHING
            """, connection, transaction))
        {
            Bind(insert, stored);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return ((await GetAsync(c.CaseId, cancellationToken))!, false);
            }
        }

        await InsertHistoryAsync(connection, transaction, stored, stored.History, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (stored, true);
    }

    public async Task<InspectionCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {WholeCase} WHERE c.case_id = @id");
        command.Parameters.AddWithValue("id", caseId);
        return (await ReadWholeAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// A history line as it reads now: migration 0035 rewrote the split pairs' alert ids (a split pair's item id is its
    /// alert id) in the cases but could not in the append-only history, so a line written before names them here anew.
    /// </summary>
    private static CaseEntry WithCurrentItemIds(CaseEntry entry) =>
        entry.ItemIds is { Length: > 0 } ids ? entry with { ItemIds = [.. ids.Select(ReadmissionAlerts.CurrentPairAlertId)] } : entry;

    public async Task<bool> SaveAsync(InspectionCase c, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var stored = c with { Version = expectedVersion + 1 };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int known;
        await using (var update = new NpgsqlCommand(
            """
            UPDATE cases SET status = @status, owner = @owner, decided_at = @decidedAt, recovered = @recovered,
                   has_bookings = @hasBookings, version = @version, body = @body,
                   amount_at_stake = @amountAtStake, alert_ids = @alertIds, claim_ids = @claimIds
            WHERE case_id = @caseId AND version = @expected
            RETURNING (SELECT count(*) FROM case_history h WHERE h.case_id = cases.case_id)::int
            """, connection, transaction))
        {
            Bind(update, stored);
            update.Parameters.AddWithValue("expected", expectedVersion);
            var count = await update.ExecuteScalarAsync(cancellationToken);
            if (count is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            known = (int)count;
        }

        if (stored.History.Length < known)
        {
            throw new InvalidOperationException($"case {c.CaseId}: a save may only add history lines, never drop one");
        }

        await InsertHistoryAsync(connection, transaction, stored, stored.History[known..], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<InspectionCase>> QueryAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        var (order, after) = query.Sort switch
        {
            CaseSort.Amount => ("amount_at_stake DESC, case_id", "(amount_at_stake < @afterAmount OR (amount_at_stake = @afterAmount AND case_id > @afterId))"),
            CaseSort.Age => ("opened_at, case_id", "(opened_at > @afterOpened OR (opened_at = @afterOpened AND case_id > @afterId))"),
            CaseSort.Risk => ($"{Risk} DESC, amount_at_stake DESC, case_id",
                $"({Risk} < @afterRisk OR ({Risk} = @afterRisk AND (amount_at_stake < @afterAmount OR (amount_at_stake = @afterAmount AND case_id > @afterId))))"),
            _ => ("opened_at DESC, case_id DESC", "(opened_at < @afterOpened OR (opened_at = @afterOpened AND case_id < @afterId))"),
        };
        var (scopeCounty, scopeRegion, scopeHospital, nothing) = ScopeOf(query.Scope);
        if (nothing)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            $"""
            SELECT body, version FROM cases
            WHERE (@scopeCounty::text IS NULL OR county_id = @scopeCounty)
              AND (@scopeRegion::text IS NULL OR region_id = @scopeRegion)
              AND (@scopeHospital::text IS NULL OR hospital_id = @scopeHospital)
              AND (@status::text IS NULL OR status = @status)
              AND (@county::text IS NULL OR county_id = @county)
              AND (@hospital::text IS NULL OR hospital_id = @hospital)
              AND (@owner::text IS NULL OR owner = @owner)
              AND (@kind::text IS NULL OR kind = @kind)
              AND (@period::text IS NULL OR body->>'Period' = @period)
              AND (@afterId::text IS NULL OR {after})
            ORDER BY {order}
            LIMIT @limit
            """);
        Text(command, "scopeCounty", scopeCounty);
        Text(command, "scopeRegion", scopeRegion);
        Text(command, "scopeHospital", scopeHospital);
        Text(command, "status", query.Status);
        Text(command, "county", query.CountyId);
        Text(command, "hospital", query.HospitalId);
        Text(command, "owner", query.Owner);
        Text(command, "kind", query.Kind);
        Text(command, "period", query.Period);
        Text(command, "afterId", query.After?.CaseId);
        command.Parameters.AddWithValue("afterRisk", query.After?.Risk ?? 0);
        command.Parameters.Add(new NpgsqlParameter<decimal>("afterAmount", NpgsqlDbType.Numeric) { TypedValue = query.After?.AmountAtStake ?? 0 });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("afterOpened", NpgsqlDbType.TimestampTz)
        {
            TypedValue = (query.After?.OpenedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime(),
        });
        command.Parameters.AddWithValue("limit", query.Limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<InspectionCase>> UndecidedRestingOnAsync(
        IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken = default)
    {
        if (alertIds.Count == 0 && claimIds.Count == 0)
        {
            return [];
        }

        // Whole, with history: the caller changes and saves them, and a save must carry every line already stored.
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {WholeCase}
            WHERE (c.alert_ids && @alerts OR c.claim_ids && @claims)
              AND c.status IN ('open', 'assigned', 'awaiting-hospital', 'under-review')
            """);
        command.Parameters.AddWithValue("alerts", alertIds.ToArray());
        command.Parameters.AddWithValue("claims", claimIds.ToArray());
        return await ReadWholeAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<InspectionCase>> WithBookingsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT body, version FROM cases WHERE has_bookings");
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseTally>> TallyAsync(AccessScope scope, DateTimeOffset yearStart, CancellationToken cancellationToken = default)
    {
        var (scopeCounty, scopeRegion, scopeHospital, nothing) = ScopeOf(scope);
        if (nothing)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            """
            SELECT county_id, status, count(*)::int, sum(amount_at_stake), sum(recovered),
                   COALESCE(sum(recovered) FILTER (WHERE decided_at >= @yearStart AND decided_at < @yearEnd), 0)
            FROM cases
            WHERE opened_at >= @yearStart AND opened_at < @yearEnd
              AND (@scopeCounty::text IS NULL OR county_id = @scopeCounty)
              AND (@scopeRegion::text IS NULL OR region_id = @scopeRegion)
              AND (@scopeHospital::text IS NULL OR hospital_id = @scopeHospital)
            GROUP BY county_id, status
            ORDER BY county_id, status
            """);
        Text(command, "scopeCounty", scopeCounty);
        Text(command, "scopeRegion", scopeRegion);
        Text(command, "scopeHospital", scopeHospital);
        command.Parameters.AddWithValue("yearStart", yearStart.ToUniversalTime());
        command.Parameters.AddWithValue("yearEnd", yearStart.AddYears(1).ToUniversalTime());
        var tallies = new List<CaseTally>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tallies.Add(new CaseTally(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDecimal(5)));
        }

        return tallies;
    }

    /// <summary>The risk rank of a case's severity (<see cref="CaseEvidence.RiskOf"/>), as SQL over its stored body.</summary>
    private const string Risk = "(CASE body->>'Severity' WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 WHEN 'notice' THEN 1 ELSE 0 END)";

    private const string Columns =
        "case_id, kind, status, county_id, region_id, hospital_id, owner, opened_at, due_at, decided_at, amount_at_stake, recovered, alert_ids, claim_ids, has_bookings, version, body";

    private const string Values =
        "@caseId, @kind, @status, @countyId, @regionId, @hospitalId, @owner, @openedAt, @dueAt, @decidedAt, @amountAtStake, @recovered, @alertIds, @claimIds, @hasBookings, @version, @body";

    /// <summary>The caller's scope as column filters; nothing when the role sees no cases.</summary>
    private static (string? County, string? Region, string? Hospital, bool Nothing) ScopeOf(AccessScope scope) => scope switch
    {
        { Role: AccessScope.Admin } => (null, null, null, false),
        { Role: AccessScope.Regulator or AccessScope.Inspector, Kind: ScopeKind.County } => (scope.Id, null, null, false),
        { Role: AccessScope.Regulator or AccessScope.Inspector, Kind: ScopeKind.Region } => (null, scope.Id, null, false),
        { Role: AccessScope.HospitalRole, Kind: ScopeKind.Hospital } => (null, null, scope.Id, false),
        _ => (null, null, null, true),
    };

    private static void Bind(NpgsqlCommand command, InspectionCase c)
    {
        var decidedAt = c.Decision?.At;
        command.Parameters.AddWithValue("caseId", c.CaseId);
        command.Parameters.AddWithValue("kind", c.Kind);
        command.Parameters.AddWithValue("status", c.Status);
        command.Parameters.AddWithValue("countyId", c.CountyId);
        Text(command, "regionId", c.RegionId);
        command.Parameters.AddWithValue("hospitalId", c.HospitalId);
        Text(command, "owner", c.Owner);
        command.Parameters.AddWithValue("openedAt", c.OpenedAt.ToUniversalTime());
        command.Parameters.AddWithValue("dueAt", c.DueAt.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("decidedAt", NpgsqlDbType.TimestampTz) { TypedValue = decidedAt?.ToUniversalTime() });
        command.Parameters.AddWithValue("amountAtStake", c.AmountAtStake);
        command.Parameters.AddWithValue("recovered", c.Recovered);
        command.Parameters.AddWithValue("alertIds", c.AlertIds);
        command.Parameters.AddWithValue("claimIds", c.ClaimIds);
        command.Parameters.AddWithValue("hasBookings", c.Bookings.Length > 0);
        command.Parameters.AddWithValue("version", c.Version);
        command.Parameters.Add(new NpgsqlParameter<string>("body", NpgsqlDbType.Jsonb) { TypedValue = JsonSerializer.Serialize(c with { History = [] }, Json) });
    }

    private static async Task InsertHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InspectionCase c, IReadOnlyList<CaseEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO case_history (case_id, seq, at, actor, action, body)
            SELECT @caseId, e.seq, e.at, e.actor, e.action, e.body
            FROM unnest(@seqs, @ats, @actors, @actions, @bodies) AS e(seq, at, actor, action, body)
            """, connection, transaction);
        insert.Parameters.AddWithValue("caseId", c.CaseId);
        insert.Parameters.AddWithValue("seqs", entries.Select(e => e.Seq).ToArray());
        insert.Parameters.AddWithValue("ats", entries.Select(e => e.At.ToUniversalTime()).ToArray());
        insert.Parameters.AddWithValue("actors", entries.Select(e => e.Actor).ToArray());
        insert.Parameters.AddWithValue("actions", entries.Select(e => e.Action).ToArray());
        insert.Parameters.Add(new NpgsqlParameter<string[]>("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            TypedValue = entries.Select(e => JsonSerializer.Serialize(e, Json)).ToArray(),
        });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<InspectionCase>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var cases = new List<InspectionCase>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(Read(reader));
        }

        return cases;
    }

    /// <summary>The columns and source of a case with its history (the row's body is stored without it).</summary>
    private const string WholeCase =
        """
        c.body, c.version,
               COALESCE((SELECT jsonb_agg(h.body ORDER BY h.seq) FROM case_history h WHERE h.case_id = c.case_id), '[]'::jsonb)
        FROM cases c
        """;

    private static async Task<IReadOnlyList<InspectionCase>> ReadWholeAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var cases = new List<InspectionCase>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(Read(reader) with { History = [.. JsonSerializer.Deserialize<CaseEntry[]>(reader.GetString(2), Json)!.Select(WithCurrentItemIds)] });
        }

        return cases;
    }

    private static InspectionCase Read(NpgsqlDataReader reader) =>
        JsonSerializer.Deserialize<InspectionCase>(reader.GetString(0), Json)! with { Version = reader.GetInt64(1) };

    private static void Text(NpgsqlCommand command, string name, string? value) =>
        command.Parameters.Add(new NpgsqlParameter<string?>(name, NpgsqlDbType.Text) { TypedValue = value });
}
