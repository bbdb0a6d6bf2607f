using System.Net.Sockets;
using Monitoring.Ledger;
using Npgsql;

namespace Monitoring.Silo.Storage;

/// <summary>
/// Sorts what PostgreSQL says when an append fails into what ingest must answer: the data was refused (class 22,
/// one event's fault, found and refused alone), or the store is out of reach (connection failures, class 08, 53
/// "insufficient resources" such as too many clients, 57P "operator intervention" such as a shutdown: 503, retry).
/// </summary>
public static class PostgresFailure
{
    public static Exception? Translate(Exception e) => e switch
    {
        PostgresException { SqlState: var state } when state.StartsWith("22", StringComparison.Ordinal) =>
            new LedgerRefusedDataException($"PostgreSQL {state}: {((PostgresException)e).MessageText}", e),
        PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) =>
            new LedgerUnavailableException($"the ledger's database is unavailable (PostgreSQL {state})", e),
        PostgresException => null,
        NpgsqlException or SocketException or TimeoutException =>
            new LedgerUnavailableException("the ledger's database cannot be reached", e),
        _ => null,
    };
}
