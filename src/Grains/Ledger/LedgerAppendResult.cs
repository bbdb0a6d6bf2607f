namespace Monitoring.Ledger;

/// <summary>What an append made durable: the new rows (in ledger order), the re-sent events, and those refused.</summary>
public sealed record LedgerAppendResult(
    IReadOnlyList<LedgerEntry> Accepted,
    int Duplicates,
    IReadOnlyList<ClaimRejection> Rejected);
