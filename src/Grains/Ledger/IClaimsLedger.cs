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
}
