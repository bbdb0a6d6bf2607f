using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Silo.Tests.Push;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// The alert store goes away while a finding is made: the ledger takes the claims, the alert and case tables refuse
/// every write and then the server restarts (every pooled connection is cut). A finding is durable before it is
/// forgotten: once the tables take writes again the alert is stored once, its case opened once, and a connected client
/// has it. A server of its own, since restarting the collection's shared one would cut every other test's connections.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class AlertStoreOutageTests : IAsyncLifetime
{
    private const string Hospital = "H53092200001";
    private readonly PostgresServer _postgres = new();

    public ValueTask InitializeAsync() => _postgres.InitializeAsync();

    public ValueTask DisposeAsync() => _postgres.DisposeAsync();

    [Fact]
    public async Task Split_pair_found_while_the_alert_store_refuses_writes_is_stored_opened_and_pushed_exactly_once()
    {
        var connection = await _postgres.CreateDatabaseAsync();
        await using var host = await RunningHost.StartAsync(PostgresHostSettings.For(connection, "--Monitoring:Delivery:SweepInterval=00:00:01"));
        await using var listener = await HubListener.ConnectAsync(host, host.Token("admin"));
        using var ingest = host.Ingest();
        var (first, second) = TestSplitPairs.Pair("outage", Hospital, day: 50);
        (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first])))).EnsureSuccessStatusCode();

        await RefuseWritesAsync(connection, refuse: true);
        // The reply waits for the ledger, not for the alert: the pair is found while its store refuses it.
        var posted = ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([second])), TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await _postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await _postgres.StartAgainAsync();
        await RefuseWritesAsync(connection, refuse: false);
        (await posted).EnsureSuccessStatusCode();

        var pushed = await listener.WaitForAsync("alert", a => a.GetProperty("kind").GetString() == "split-hospitalization"
            && a.GetProperty("caseId").ValueKind == JsonValueKind.String);
        var alertId = pushed.GetProperty("alertId").GetString()!;
        using var admin = host.Admin();
        var alerts = await admin.GetFromJsonAsync<JsonElement>("/api/alerts?kind=split-hospitalization&limit=100", TestContext.Current.CancellationToken);
        var stored = Assert.Single(alerts.EnumerateArray());
        Assert.Equal(alertId, stored.GetProperty("alertId").GetString());
        Assert.Equal(pushed.GetProperty("caseId").GetString(), stored.GetProperty("caseId").GetString());
        var cases = await admin.GetFromJsonAsync<JsonElement>("/api/cases?limit=100", TestContext.Current.CancellationToken);
        var opened = Assert.Single(cases.EnumerateArray());
        Assert.Equal(stored.GetProperty("caseId").GetString(), opened.GetProperty("caseId").GetString());
        Assert.Equal(1, await CountAsync(connection, "SELECT count(*) FROM alerts"));
        Assert.Equal(1, await CountAsync(connection, "SELECT count(*) FROM cases"));
    }

    /// <summary>
    /// A trigger that fails every insert and update of the alert and case tables, as a store that is there but will
    /// not write; the ledger is untouched, so the claims are taken.
    /// </summary>
    private static async Task RefuseWritesAsync(string connection, bool refuse)
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var command = dataSource.CreateCommand(refuse
                    ? """
                      CREATE OR REPLACE FUNCTION refuse_writes() RETURNS trigger LANGUAGE plpgsql AS
                        $$ BEGIN RAISE EXCEPTION 'store refuses writes (test outage)'; END $$;
                      CREATE TRIGGER alerts_refuse BEFORE INSERT OR UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION refuse_writes();
                      CREATE TRIGGER cases_refuse BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION refuse_writes();
                      """
                    : "DROP TRIGGER alerts_refuse ON alerts; DROP TRIGGER cases_refuse ON cases;");
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // The server is still starting after the restart.
                await Task.Delay(200);
            }
        }
    }

    private static async Task<long> CountAsync(string connection, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
