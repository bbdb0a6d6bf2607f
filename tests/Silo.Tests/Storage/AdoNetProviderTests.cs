using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;
using Xunit;

namespace Monitoring.Silo.Tests.Storage;

/// <summary>
/// The Orleans ADO.NET providers (clustering, grain storage, reminders) running on the schema the
/// migrations create: proof that the migrations honour the providers' contract.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class AdoNetProviderTests(PostgresServer postgres, ProbeSiloFixture cluster) : IClassFixture<ProbeSiloFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Silo_started_on_the_migrated_schema_is_active_in_the_membership_table()
    {
        await using var connection = await OpenAsync(cluster.ConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = @cluster AND address = '127.0.0.1' AND port = @port",
            connection);
        command.Parameters.AddWithValue("cluster", cluster.ClusterId);
        command.Parameters.AddWithValue("port", cluster.Silo.SiloPort);

        var status = await command.ExecuteScalarAsync(Cancellation);

        Assert.Equal((int)SiloStatus.Active, status);
    }

    [Fact]
    public async Task Grain_state_is_read_back_from_storage_by_a_new_activation()
    {
        var grain = cluster.Silo.Grains.GetGrain<IProbeGrain>($"state-{Guid.NewGuid():N}");
        await grain.Remember("医共体结余留用");
        var first = await grain.Activation();

        await grain.Deactivate();

        Assert.Equal("医共体结余留用", await grain.Recall());
        Assert.NotEqual(first, await grain.Activation());
    }

    [Fact]
    public async Task Reminder_registered_by_a_grain_is_stored_in_the_reminders_table()
    {
        var grain = cluster.Silo.Grains.GetGrain<IProbeGrain>($"reminder-{Guid.NewGuid():N}");
        var reminder = $"checkpoint-{Guid.NewGuid():N}";

        await grain.StartReminder(reminder);

        await using var connection = await OpenAsync(cluster.ConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleansreminderstable WHERE serviceid = @service AND remindername = @reminder",
            connection);
        command.Parameters.AddWithValue("service", cluster.ServiceId);
        command.Parameters.AddWithValue("reminder", reminder);
        Assert.Equal(1L, await command.ExecuteScalarAsync(Cancellation));
        Assert.True(await grain.HasReminder(reminder));
    }

    [Fact]
    public async Task Grain_state_written_before_a_silo_restart_is_read_after_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(database, Cancellation);
        var clusterId = $"restart-{Guid.NewGuid():N}";
        var key = $"restart-{Guid.NewGuid():N}";
        await using (var before = await ProbeSilo.StartAsync(database, clusterId, clusterId))
        {
            await before.Grains.GetGrain<IProbeGrain>(key).Remember("总额打包");
        }

        await using var after = await ProbeSilo.StartAsync(database, clusterId, clusterId);

        Assert.Equal("总额打包", await after.Grains.GetGrain<IProbeGrain>(key).Recall());
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        return connection;
    }
}
