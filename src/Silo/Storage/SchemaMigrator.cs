using System.Data;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Monitoring.Silo.Storage;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build expects: applies the embedded
/// <c>Storage/Migrations/*.sql</c> scripts that the database has not seen yet, in name order, and
/// records each in <c>schema_migrations</c>.
/// </summary>
/// <remarks>
/// Each script runs in one transaction together with its history row, so it either applies whole
/// and is recorded, or leaves no trace and is tried again on the next start. PostgreSQL DDL is
/// transactional, which is what makes this work; it also means a script cannot use statements that
/// refuse a transaction block (CREATE INDEX CONCURRENTLY, VACUUM). A shipped script is never edited
/// or renamed, since its name is its version: a change to the schema is a new script.
/// </remarks>
public sealed partial class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    // Any fixed number works as long as nothing else in the database locks it; this is "Monitor" in ASCII.
    private const long AdvisoryLockKey = 0x4D6F6E69746F72;

    private const string ScriptExtension = ".sql";

    // The manifest name of Storage/Migrations/0001_x.sql is <root namespace>.Storage.Migrations.0001_x.sql.
    private static readonly string ResourcePrefix = $"{typeof(SchemaMigrator).Namespace}.Migrations.";

    /// <summary>
    /// Applies the pending migrations and returns the versions applied by this call, oldest first
    /// (empty when the schema was already current).
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct)
    {
        var migrations = EmbeddedMigrations();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        // Silos that start together would otherwise race to apply the same script. The lock belongs to
        // the session, so it spans the per-script transactions; a silo that waits for it then finds
        // the work done.
        await CallWithLockKeyAsync(connection, "pg_advisory_lock", ct);
        try
        {
            await CreateHistoryTableAsync(connection, ct);

            var done = await AppliedVersionsAsync(connection, ct);
            var appliedNow = new List<string>();
            foreach (var migration in migrations.Where(migration => !done.Contains(migration.Version)))
            {
                await ApplyAsync(connection, migration, ct);
                appliedNow.Add(migration.Version);
            }

            if (appliedNow.Count == 0)
            {
                LogUpToDate(logger, done.Count);
            }

            return appliedNow;
        }
        finally
        {
            // Explicitly, and even when cancelled: a pooled connection is not reset until it is next
            // used, so closing it would leave the lock held. A broken connection has lost it already.
            if (connection.State == ConnectionState.Open)
            {
                await CallWithLockKeyAsync(connection, "pg_advisory_unlock", CancellationToken.None);
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        var elapsed = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            // No command timeout: a migration over a large table may rightly take minutes; ct still stops it.
            await using (var script = new NpgsqlCommand(migration.Script, connection, transaction) { CommandTimeout = 0 })
            {
                await script.ExecuteNonQueryAsync(ct);
            }

            await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@version)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (PostgresException ex)
        {
            throw new InvalidOperationException($"Schema migration {migration.Version} failed and was rolled back: {ex.MessageText}", ex);
        }

        LogApplied(logger, migration.Version, elapsed.ElapsedMilliseconds);
    }

    private static async Task<HashSet<string>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    private static async Task CreateHistoryTableAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            CREATE TABLE IF NOT EXISTS schema_migrations
            (
                version    text        PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task CallWithLockKeyAsync(NpgsqlConnection connection, string function, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> EmbeddedMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && name.EndsWith(ScriptExtension, StringComparison.Ordinal))
            .Select(name => new Migration(name[ResourcePrefix.Length..^ScriptExtension.Length], ReadResource(name)))
            .OrderBy(migration => migration.Version, StringComparer.Ordinal)
            .ToList();

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No schema migrations are embedded in {assembly.GetName().Name} under {ResourcePrefix}.");
        }

        if (migrations.FirstOrDefault(migration => !VersionName().IsMatch(migration.Version)) is { } misnamed)
        {
            throw new InvalidOperationException($"Schema migration '{misnamed.Version}' is not named NNNN_snake_case.sql.");
        }

        // Two people may pick the same next number on separate branches; name order would then hide it.
        if (migrations.GroupBy(migration => migration.Version[..4]).FirstOrDefault(group => group.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"Schema migrations share the number {clash.Key}: {string.Join(", ", clash.Select(migration => migration.Version))}.");
        }

        return migrations;

        string ReadResource(string name)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} could not be opened.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    [GeneratedRegex("^[0-9]{4}_[a-z0-9_]+$")]
    private static partial Regex VersionName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} in {ElapsedMilliseconds} ms")]
    private static partial void LogApplied(ILogger logger, string version, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({AppliedCount} migrations applied before)")]
    private static partial void LogUpToDate(ILogger logger, int appliedCount);

    private sealed record Migration(string Version, string Script);
}
