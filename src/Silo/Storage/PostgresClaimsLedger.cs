using System.Runtime.CompilerServices;
using Monitoring.Claims;
using Monitoring.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Silo.Storage;

/// <summary>
/// The ledger in PostgreSQL (table <c>claims_ledger</c>, migration 0005). One append is one transaction: take the
/// writer lock, read what is known of the batch's claim ids, decide with <see cref="LedgerAdmission"/>, binary-COPY
/// the new rows, commit. The transaction-scoped advisory lock makes every silo's appends one sequence, so ledger
/// position order is commit order and per-hospital sequences have no gaps.
/// </summary>
public sealed class PostgresClaimsLedger(NpgsqlDataSource dataSource) : IClaimsLedger
{
    /// <summary>Advisory lock key of the single ledger writer ("LEDG").</summary>
    private const long WriterLock = 0x4C454447;

    public async Task<LedgerAppendResult> AppendAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", WriterLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var known = await KnownClaimsAsync(connection, transaction, LedgerAdmission.ClaimIdsToLookUp(batch), cancellationToken);
        var hospitals = batch.Where(s => s.Claim.Kind == ClaimKind.Settlement).Select(s => s.Claim.HospitalId!)
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
        long lastPosition;
        await using (var positionCommand = new NpgsqlCommand(
            "SELECT currval(pg_get_serial_sequence('claims_ledger', 'position'))", connection, transaction))
        {
            lastPosition = (long)(await positionCommand.ExecuteScalarAsync(cancellationToken))!;
        }

        await transaction.CommitAsync(cancellationToken);

        // Under the writer lock one COPY draws consecutive identity values, in row order.
        var firstPosition = lastPosition - admission.Appends.Count + 1;
        var accepted = admission.Appends
            .Select((row, i) => new LedgerEntry(firstPosition + i, row.Movement, row.Submission.Claim))
            .ToList();
        return new LedgerAppendResult(accepted, admission.Duplicates, admission.Rejected);
    }

    public async IAsyncEnumerable<FundMovement> ReadMovementsAsync(
        IReadOnlyCollection<HospitalCursor> ranges,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (ranges.Count == 0)
        {
            yield break;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT l.hospital_id, l.hospital_seq, l.kind, l.budget_date, l.fund_paid, l.settled_at
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
            yield return new FundMovement(
                reader.GetString(0),
                reader.GetInt64(1),
                ParseKind(reader.GetString(2)),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetDecimal(4),
                reader.GetFieldValue<DateTimeOffset>(5));
        }
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
                   (SELECT r.claim_id FROM claims_ledger r WHERE r.reverses_claim_id = l.claim_id)
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
                reader.IsDBNull(6) ? null : reader.GetString(6));
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
            "COPY claims_ledger (claim_id, kind, reverses_claim_id, hospital_id, hospital_seq, settled_at, budget_date, fund_paid, fingerprint, body) FROM STDIN (FORMAT BINARY)",
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
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static string KindText(ClaimKind kind) => kind == ClaimKind.Reversal ? "reversal" : "settlement";

    private static ClaimKind ParseKind(string text) => text == "reversal" ? ClaimKind.Reversal : ClaimKind.Settlement;
}
