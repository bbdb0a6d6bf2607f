using System.Net.Http.Json;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// A silo holds at most its configured connections, whatever the load: the ledger's pool and the Orleans providers'
/// pool are each <c>Monitoring:Storage:MaxPoolSize</c>, so two of them per silo, well under the server's limit
/// (the test server runs at PostgreSQL's default max_connections of 100, as a stock server does).
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class ConnectionBudgetTests(PostgresServer postgres)
{
    [Fact]
    public async Task Parallel_load_never_holds_more_than_two_pools_of_the_configured_size()
    {
        const int poolSize = 3;
        var connection = await postgres.CreateDatabaseAsync();
        await using var host = await RunningHost.StartAsync(PostgresHostSettings.For(connection, $"--Monitoring:Storage:MaxPoolSize={poolSize}"));
        var batches = Enumerable.Range(0, 24).Select(i => TestClaims.JsonArray(TestClaims.Settlements($"pool-{i}", 300, seed: i + 1))).ToList();
        using var sampler = new CancellationTokenSource();
        var peak = SamplePeakAsync(connection, sampler.Token);

        using var ingest = host.Ingest();
        var replies = await Task.WhenAll(batches.Select(async batch =>
        {
            using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(batch));
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<IngestReplyView>())!.Accepted;
        }));
        await sampler.CancelAsync();

        Assert.Equal(24 * 300, replies.Sum());
        Assert.InRange(await peak, 1, 2 * poolSize);
        Assert.Equal(24 * 300, (await host.FundAsync("county", "530922")).ClaimsCounted);
    }

    [Fact]
    public async Task Test_server_runs_at_the_stock_connection_limit()
    {
        var connection = await postgres.CreateDatabaseAsync();

        Assert.Equal("100", await new LedgerTotals(connection).ScalarAsync<string>("SHOW max_connections"));
    }

    /// <summary>The most client backends of the host's database seen at once (this sampler's own connection excluded).</summary>
    private static async Task<long> SamplePeakAsync(string connectionString, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            // Client backends only: an autovacuum worker busy on the freshly loaded tables is the server's, not the host's.
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
            connection);
        var peak = 0L;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, (long)(await command.ExecuteScalarAsync(CancellationToken.None))!);
        }

        return peak;
    }
}
