namespace Monitoring.Silo;

/// <summary>Where the ledger, grain state, membership and reminders live (<c>Monitoring:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Monitoring:Storage";

    /// <summary><c>Memory</c> (embedded: nothing persisted) or <c>PostgreSql</c> (production).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>Npgsql connection string; required for <see cref="StorageProvider.PostgreSql"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Connections in each of the silo's two pools: the ledger's (ingest appends, ledger reads, alerts) and the Orleans
    /// providers' (grain state, membership, reminders; start-up migrations share it). A silo holds at most twice this,
    /// so with the default of 10 a stock PostgreSQL (max_connections 100, a few reserved for superusers) serves four
    /// silos with room for operators and backups. Above this, work waits for a free connection rather than failing
    /// with "too many clients". It overrides any Maximum Pool Size in <see cref="ConnectionString"/>.
    /// </summary>
    public int MaxPoolSize { get; set; } = 10;

    /// <summary>
    /// Ledger range reads that rebuild grains at once per silo (after a restart, every activation rebuilds); unset,
    /// half the pool, so ingest and alerts always find a connection.
    /// </summary>
    public int? MaxConcurrentReplays { get; set; }

    public int EffectiveConcurrentReplays => MaxConcurrentReplays ?? Math.Max(1, MaxPoolSize / 2);

    public bool IsDurable => Provider == StorageProvider.PostgreSql;

    /// <summary>The one connection string with the pool sized by <see cref="MaxPoolSize"/>.</summary>
    public string PooledConnectionString() =>
        new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = MaxPoolSize }.ConnectionString;
}

public enum StorageProvider
{
    Memory,
    PostgreSql,
}
