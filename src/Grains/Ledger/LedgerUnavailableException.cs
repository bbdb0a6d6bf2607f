namespace Monitoring.Ledger;

/// <summary>
/// The ledger's store cannot be reached (the database is down, restarting or out of connections). Nothing of the
/// append was written; the same batch may be sent again later. Ingest answers 503 with Retry-After, so a feed can
/// tell an outage, worth retrying, from bad data, which is not.
/// </summary>
public sealed class LedgerUnavailableException(string message, Exception inner) : Exception(message, inner);
