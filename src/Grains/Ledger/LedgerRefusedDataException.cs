namespace Monitoring.Ledger;

/// <summary>
/// The ledger's store refused the data of an append (PostgreSQL class 22, "data exception"): something in the batch
/// it cannot hold. Nothing of the append was written. Validation is meant to make this impossible; when it happens
/// anyway, ingest finds the event responsible and refuses it alone, so its neighbours are not lost with it.
/// </summary>
public sealed class LedgerRefusedDataException(string message, Exception inner) : Exception(message, inner);
