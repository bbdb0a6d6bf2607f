namespace Monitoring.Silo;

/// <summary>Where the ledger, grain state, membership and reminders live (<c>Monitoring:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Monitoring:Storage";

    /// <summary><c>Memory</c> (embedded: nothing persisted) or <c>PostgreSql</c> (production).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>Npgsql connection string; required for <see cref="StorageProvider.PostgreSql"/>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsDurable => Provider == StorageProvider.PostgreSql;
}

public enum StorageProvider
{
    Memory,
    PostgreSql,
}
