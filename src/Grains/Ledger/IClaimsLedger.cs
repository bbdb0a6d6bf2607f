namespace Monitoring.Ledger;

/// <summary>
/// The claims ledger: append-only, keyed by claimId, the source of truth and the audit trail.
/// An append returns only after its rows are durable; appends are serialised so that ledger order
/// equals commit order.
/// </summary>
public interface IClaimsLedger
{
    Task<LedgerAppendResult> AppendAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken = default);

    /// <summary>The fund movements in the given ranges, each hospital's in sequence order.</summary>
    IAsyncEnumerable<FundMovement> ReadMovementsAsync(IReadOnlyCollection<HospitalCursor> ranges, CancellationToken cancellationToken = default);

    /// <summary>The whole rows (movement, event, patient) in the given ranges, each hospital's in sequence order.</summary>
    IAsyncEnumerable<LedgerEntry> ReadEntriesAsync(IReadOnlyCollection<HospitalCursor> ranges, CancellationToken cancellationToken = default);

    /// <summary>
    /// The rows of these hospitals settled at or after <paramref name="settledSince"/>, in ledger (commit) order: what a
    /// detector that keeps a window of recent stays reads to rebuild it.
    /// </summary>
    IAsyncEnumerable<LedgerEntry> ReadRecentAsync(IReadOnlyCollection<string> hospitals, DateTimeOffset settledSince, CancellationToken cancellationToken = default);

    /// <summary>The rows with these claim ids (those the ledger holds), each with the reversal that cancelled it, if any.</summary>
    Task<IReadOnlyList<LedgerClaim>> ReadClaimsAsync(IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sequence of each hospital's last row (0 for a hospital with none): where a watch that rebuilt only a window of
    /// recent rows picks up, so that its first gap fill reads what came after the rebuild, not the hospital's history.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> hospitals, CancellationToken cancellationToken = default);

    /// <summary>The latest settlement time among these hospitals' rows, or null when they have none.</summary>
    Task<DateTimeOffset?> LatestSettlementAsync(IReadOnlyCollection<string> hospitals, CancellationToken cancellationToken = default);
}
