using System.Net.Sockets;
using Npgsql;

namespace Monitoring.Silo.Storage;

/// <summary>
/// At start-up, waits for PostgreSQL instead of dying on it: a host started before its database (a node reboot, a
/// compose file's start order, a fail-over) retries with a log line per attempt, and is simply not ready meanwhile
/// (nothing listens until the schema is current and the silo has joined its cluster).
/// </summary>
public static partial class DatabaseWait
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    public static async Task UntilReachableAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                if (attempt > 1)
                {
                    LogReachable(logger, target.Host, target.Port, target.Database, attempt);
                }

                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException
                                      && (e is not PostgresException pg || IsTransient(pg)))
            {
                LogUnreachable(logger, target.Host, target.Port, target.Database, e.Message, attempt, pause.TotalSeconds);
            }

            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    // A database that is starting up, shutting down or out of connections comes back; a wrong password or a missing
    // database does not, and waiting would only hide the mistake.
    private static bool IsTransient(PostgresException e) =>
        e.SqlState.StartsWith("57P", StringComparison.Ordinal) || e.SqlState.StartsWith("53", StringComparison.Ordinal)
        || e.SqlState.StartsWith("08", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "PostgreSQL is not reachable at {Host}:{Port} (database {Database}): {Reason}. Attempt {Attempt}; retrying in {Seconds} s. The host is not ready until it is.")]
    private static partial void LogUnreachable(ILogger logger, string? host, int port, string? database, string reason, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL is reachable at {Host}:{Port} (database {Database}) after {Attempt} attempts; starting")]
    private static partial void LogReachable(ILogger logger, string? host, int port, string? database, int attempt);
}
