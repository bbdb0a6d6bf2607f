using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;
using Xunit;

namespace Monitoring.Silo.Tests.Storage;

[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class SchemaMigratorTests(PostgresServer postgres)
{
    private static readonly HashSet<string> OrleansMigrations =
        ["0001_orleans_main", "0002_orleans_persistence", "0003_orleans_clustering", "0004_orleans_reminders"];

    // The keys the Orleans 10 ADO.NET providers load at start-up and refuse to run without.
    private static readonly HashSet<string> ProviderQueryKeys =
    [
        // clustering
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        // grain storage
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey",
        // reminders
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private readonly SchemaMigrator _migrator = new(NullLogger<SchemaMigrator>.Instance);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_on_an_empty_database_applies_every_migration_in_name_order()
    {
        var database = await postgres.CreateDatabaseAsync();

        var applied = await _migrator.MigrateAsync(database, Cancellation);

        Assert.Equal(applied.Order(StringComparer.Ordinal), applied);
        Assert.Superset(OrleansMigrations, applied.ToHashSet());
        Assert.Equal(applied.ToHashSet(), await RecordedVersionsAsync(database));
    }

    [Fact]
    public async Task MigrateAsync_run_a_second_time_applies_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();
        var first = await _migrator.MigrateAsync(database, Cancellation);

        var second = await _migrator.MigrateAsync(database, Cancellation);

        Assert.Empty(second);
        Assert.Equal(first.ToHashSet(), await RecordedVersionsAsync(database));
    }

    [Fact]
    public async Task MigrateAsync_run_by_several_silos_at_once_applies_each_migration_once()
    {
        var database = await postgres.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _migrator.MigrateAsync(database, Cancellation)));

        var applied = runs.SelectMany(run => run).ToList();
        Assert.Equal(applied.Distinct().Count(), applied.Count);
        Assert.Equal(applied.ToHashSet(), await RecordedVersionsAsync(database));
    }

    [Fact]
    public async Task MigrateAsync_installs_every_query_the_orleans_providers_require()
    {
        var database = await postgres.CreateDatabaseAsync();

        await _migrator.MigrateAsync(database, Cancellation);

        Assert.Superset(ProviderQueryKeys, await ReadColumnAsync(database, "SELECT querykey FROM orleansquery"));
    }

    private static Task<HashSet<string>> RecordedVersionsAsync(string database) =>
        ReadColumnAsync(database, "SELECT version FROM schema_migrations");

    private static async Task<HashSet<string>> ReadColumnAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Cancellation))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
