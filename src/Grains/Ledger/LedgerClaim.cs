namespace Monitoring.Ledger;

/// <summary>A claim's row as the ledger holds it, and the reversal that cancelled it, if any: what a case shows of its claims.</summary>
public sealed record LedgerClaim(LedgerEntry Entry, string? ReversedBy);
