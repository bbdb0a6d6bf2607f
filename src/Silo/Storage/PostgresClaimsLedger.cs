using System.Runtime.CompilerServices;
using System.Text.Json;
using Monitoring.Cases;
using Monitoring.Claims;
using Monitoring.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Silo.Storage;

/// <summary>
/// The ledger in PostgreSQL (table <c>claims_ledger</c>, migration 0005). One append is one transaction: take the
/// writer lock, read what is known of the batch's claim ids, decide with <see cref="LedgerAdmission"/>, binary-COPY
/// the new rows, commit. The transaction-scoped advisory lock makes every silo's appends one sequence, so ledger
/// position order is commit order and per-hospital sequences have no gaps. The range reads that rebuild grains pass
/// through <see cref="ReplayGate"/>, so a restart's activations never take the whole pool.
/// </summary>
public sealed class PostgresClaimsLedger(NpgsqlDataSource dataSource, ReplayGate? replays = null) : IClaimsLedger
{
    private readonly ReplayGate _replays = replays ?? new ReplayGate(int.MaxValue / 2);

    /// <summary>Advisory lock key of the single ledger writer ("LEDG").</summary>
    private const long WriterLock = 0x4C454447;

    public async Task<LedgerAppendResult> AppendAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken = default)
    {
        try
        {
            return await AppendInTransactionAsync(batch, cancellationToken);
        }
        catch (Exception e) when (PostgresFailure.Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<LedgerAppendResult> AppendInTransactionAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", WriterLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var known = await KnownClaimsAsync(connection, transaction, LedgerAdmission.ClaimIdsToLookUp(batch), cancellationToken);
        var hospitals = batch.Where(s => s.Claim.Kind != ClaimKind.Reversal).Select(s => s.Claim.HospitalId!)
            .Concat(known.Values.Select(k => k.HospitalId))
            .ToHashSet(StringComparer.Ordinal);
        var heads = await LastSequencesAsync(connection, transaction, hospitals, cancellationToken);
        var admission = LedgerAdmission.Admit(batch, known, h => heads.GetValueOrDefault(h));
        if (admission.Appends.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new LedgerAppendResult([], admission.Duplicates, admission.Rejected);
        }

        await CopyRowsAsync(connection, admission.Appends, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LedgerAppendResult([.. admission.Appends.Select(row => row.Entry)], admission.Duplicates, admission.Rejected);
    }

    public async IAsyncEnumerable<FundMovement> ReadMovementsAsync(
        IReadOnlyCollection<HospitalCursor> ranges,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (ranges.Count == 0)
        {
            yield break;
        }

        using var permit = await _replays.EnterAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {MovementColumns}
            FROM unnest(@hospitals, @after, @through) WITH ORDINALITY AS r(hospital_id, after_seq, through_seq, ord)
            JOIN claims_ledger l
              ON l.hospital_id = r.hospital_id AND l.hospital_seq > r.after_seq AND l.hospital_seq <= r.through_seq
            ORDER BY r.ord, l.hospital_seq
            """, connection);
        command.Parameters.AddWithValue("hospitals", ranges.Select(r => r.HospitalId).ToArray());
        command.Parameters.AddWithValue("after", ranges.Select(r => r.AfterSeq).ToArray());
        command.Parameters.AddWithValue("through", ranges.Select(r => r.ThroughSeq).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return MovementOf(reader);
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ReadEntriesAsync(
        IReadOnlyCollection<HospitalCursor> ranges,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (ranges.Count == 0)
        {
            yield break;
        }

        using var permit = await _replays.EnterAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {MovementColumns}, {EntryColumns}
            FROM unnest(@hospitals, @after, @through) WITH ORDINALITY AS r(hospital_id, after_seq, through_seq, ord)
            JOIN claims_ledger l
              ON l.hospital_id = r.hospital_id AND l.hospital_seq > r.after_seq AND l.hospital_seq <= r.through_seq
            ORDER BY r.ord, l.hospital_seq
            """, connection);
        command.Parameters.AddWithValue("hospitals", ranges.Select(r => r.HospitalId).ToArray());
        command.Parameters.AddWithValue("after", ranges.Select(r => r.AfterSeq).ToArray());
        command.Parameters.AddWithValue("through", ranges.Select(r => r.ThroughSeq).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return EntryOf(reader);
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ReadRecentAsync(
        IReadOnlyCollection<string> hospitals,
        DateTimeOffset settledSince,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (hospitals.Count == 0)
        {
            yield break;
        }

        using var permit = await _replays.EnterAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {MovementColumns}, {EntryColumns}
            FROM claims_ledger l
            WHERE l.hospital_id = ANY(@hospitals) AND l.settled_at >= @since
            ORDER BY l.position
            """, connection);
        command.Parameters.AddWithValue("hospitals", hospitals.ToArray());
        command.Parameters.AddWithValue("since", settledSince.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return EntryOf(reader);
        }
    }

    public async Task<IReadOnlyList<LedgerClaim>> ReadClaimsAsync(IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken = default)
    {
        if (claimIds.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {MovementColumns}, {EntryColumns},
                   (SELECT r.claim_id FROM claims_ledger r WHERE r.reverses_claim_id = l.claim_id)
            FROM unnest(@ids) AS wanted(claim_id)
            JOIN claims_ledger l ON l.claim_id = wanted.claim_id
            """);
        command.Parameters.AddWithValue("ids", claimIds.Distinct(StringComparer.Ordinal).ToArray());
        var claims = new List<LedgerClaim>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add(new LedgerClaim(EntryOf(reader), reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return claims;
    }

    public async Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> hospitals, CancellationToken cancellationToken = default)
    {
        var last = hospitals.Distinct(StringComparer.Ordinal).ToDictionary(h => h, _ => 0L, StringComparer.Ordinal);
        if (last.Count == 0)
        {
            return last;
        }

        // One backwards probe of the (hospital_id, hospital_seq) key per hospital.
        await using var command = dataSource.CreateCommand(
            """
            SELECT h, (SELECT l.hospital_seq FROM claims_ledger l WHERE l.hospital_id = h ORDER BY l.hospital_seq DESC LIMIT 1)
            FROM unnest(@hospitals) AS h
            """);
        command.Parameters.AddWithValue("hospitals", last.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        }

        return last;
    }

    public async Task<DateTimeOffset?> LatestSettlementAsync(IReadOnlyCollection<string> hospitals, CancellationToken cancellationToken = default)
    {
        if (hospitals.Count == 0)
        {
            return null;
        }

        // One backwards probe of (hospital_id, settled_at) per hospital.
        await using var command = dataSource.CreateCommand(
            """
            SELECT max((SELECT l.settled_at FROM claims_ledger l WHERE l.hospital_id = h ORDER BY l.settled_at DESC LIMIT 1))
            FROM unnest(@hospitals) AS h
            """);
        command.Parameters.AddWithValue("hospitals", hospitals.ToArray());
        var latest = await command.ExecuteScalarAsync(cancellationToken);
        return latest is DateTime utc ? new DateTimeOffset(utc, TimeSpan.Zero) : latest as DateTimeOffset?;
    }

    private const string MovementColumns = "l.hospital_id, l.hospital_seq, l.kind, l.budget_date, l.fund_paid, l.settled_at, l.insured_county_id";

    private const string EntryColumns = "l.body, l.patient_id";

    private static FundMovement MovementOf(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        ParseKind(reader.GetString(2)),
        reader.GetFieldValue<DateOnly>(3),
        reader.GetDecimal(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetString(6));

    private static LedgerEntry EntryOf(NpgsqlDataReader reader)
    {
        var movement = MovementOf(reader);
        using var body = JsonDocument.Parse(reader.GetString(7));
        if (movement.Kind == ClaimKind.Recovery)
        {
            return new LedgerEntry(movement, RecoveryEntry.Read(body.RootElement), null);
        }

        // The body passed validation on its way in; read back, it is the same event (the registry may have changed
        // since, which must not unmake history, so every hospital counts as known here).
        var claim = ClaimValidator.Validate(body.RootElement, _ => true).Claim
            ?? throw new InvalidOperationException($"ledger row {movement.HospitalId}#{movement.HospitalSeq} no longer reads as a claim event");
        return new LedgerEntry(movement, claim, reader.IsDBNull(8) ? null : reader.GetString(8));
    }

    private static async Task<Dictionary<string, KnownClaim>> KnownClaimsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlySet<string> claimIds, CancellationToken cancellationToken)
    {
        // Driven from the wanted ids, one unique-index probe each, and the reversal looked up only for rows found:
        // written as "claim_id = ANY(@ids)" joined to reversals, the planner chose scans that grew with the ledger
        // and took as long as the COPY itself by 100,000 rows.
        await using var command = new NpgsqlCommand(
            """
            SELECT l.claim_id, l.fingerprint, l.kind, l.hospital_id, l.fund_paid, l.budget_date,
                   (SELECT r.claim_id FROM claims_ledger r WHERE r.reverses_claim_id = l.claim_id),
                   l.patient_id, l.insured_county_id
            FROM unnest(@ids) AS wanted(claim_id)
            JOIN claims_ledger l ON l.claim_id = wanted.claim_id
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", claimIds.ToArray());
        var known = new Dictionary<string, KnownClaim>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var claimId = reader.GetString(0);
            known[claimId] = new KnownClaim(
                claimId,
                reader.GetFieldValue<byte[]>(1),
                ParseKind(reader.GetString(2)),
                reader.GetString(3),
                reader.GetDecimal(4),
                reader.GetFieldValue<DateOnly>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8));
        }

        return known;
    }

    private static async Task<Dictionary<string, long>> LastSequencesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string> hospitals, CancellationToken cancellationToken)
    {
        // One index probe per hospital, backwards on (hospital_id, hospital_seq).
        await using var command = new NpgsqlCommand(
            """
            SELECT h, (SELECT l.hospital_seq FROM claims_ledger l WHERE l.hospital_id = h ORDER BY l.hospital_seq DESC LIMIT 1)
            FROM unnest(@hospitals) AS h
            """, connection, transaction);
        command.Parameters.AddWithValue("hospitals", hospitals.ToArray());
        var heads = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            heads[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        }

        return heads;
    }

    private static async Task CopyRowsAsync(NpgsqlConnection connection, IReadOnlyList<PendingRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY claims_ledger (claim_id, kind, reverses_claim_id, hospital_id, hospital_seq, settled_at, budget_date, fund_paid, fingerprint, body, patient_id, insured_county_id) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            var claim = row.Submission.Claim;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(claim.ClaimId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(KindText(claim.Kind), NpgsqlDbType.Text, cancellationToken);
            if (claim.ReversesClaimId is { } target)
            {
                await importer.WriteAsync(target, NpgsqlDbType.Text, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            await importer.WriteAsync(row.Movement.HospitalId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Movement.HospitalSeq, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(claim.SettledAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(row.Movement.BudgetDate, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(row.Movement.FundPaid, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(row.Submission.Fingerprint, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(row.Submission.Body, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteOptionalTextAsync(importer, row.PatientId, cancellationToken);
            await WriteOptionalTextAsync(importer, row.Movement.InsuredCountyId, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteOptionalTextAsync(NpgsqlBinaryImporter importer, string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static string KindText(ClaimKind kind) => kind switch
    {
        ClaimKind.Reversal => "reversal",
        ClaimKind.Recovery => "recovery",
        _ => "settlement",
    };

    private static ClaimKind ParseKind(string text) => text switch
    {
        "reversal" => ClaimKind.Reversal,
        "recovery" => ClaimKind.Recovery,
        _ => ClaimKind.Settlement,
    };
}
