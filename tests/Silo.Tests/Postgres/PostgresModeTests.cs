using System.Net;
using System.Net.Http.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>The real host in PostgreSQL mode: ledger, grain storage, membership and reminders on a throwaway server.</summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresModeTests(PostgresServer postgres)
{
    private static readonly string[] Alliance = ["H53092200001", "H53092200002", "H53092200003", "H53092200101"];

    [Fact]
    public async Task Ten_thousand_claims_balance_to_the_ledger_and_a_resend_changes_nothing()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var host = await RunningHost.StartAsync(PostgresHostSettings.For(connection));
        var ledger = new LedgerTotals(connection);
        var batch = TestClaims.JsonArray(TestClaims.Settlements("bulk", 10_000));
        using var ingest = host.Ingest();

        using var first = await ingest.PostAsync("/api/claims", TestClaims.Body(batch));
        var reply = await first.Content.ReadFromJsonAsync<IngestReplyView>();

        Assert.Equal((10_000, 0, 0), (reply!.Accepted, reply.Duplicates, reply.Rejected.Count));
        var county = await host.FundAsync("county", "530922");
        Assert.Equal(await ledger.FundPaidAsync(TestClaims.ExampleHospitals), county.FundPaid);
        Assert.Equal(10_000, county.ClaimsCounted);
        var hospitals = await Task.WhenAll(TestClaims.ExampleHospitals.Select(h => host.FundAsync("hospital", h)));
        Assert.Equal(county.FundPaid, hospitals.Sum(h => h.FundPaid));
        foreach (var hospital in hospitals)
        {
            Assert.Equal(await ledger.FundPaidAsync(hospital.Id), hospital.FundPaid);
        }

        Assert.Equal(hospitals.Where(h => Alliance.Contains(h.Id)).Sum(h => h.FundPaid), (await host.FundAsync("alliance", "YX-TIGHT")).FundPaid);

        using var again = await ingest.PostAsync("/api/claims", TestClaims.Body(batch));
        var resent = await again.Content.ReadFromJsonAsync<IngestReplyView>();
        Assert.Equal((0, 10_000), (resent!.Accepted, resent.Duplicates));
        Assert.Equal(10_000, await ledger.RowsAsync());
        Assert.Equal(county, await host.FundAsync("county", "530922"));
    }

    [Fact]
    public async Task Balances_and_registry_survive_a_restart()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var settings = PostgresHostSettings.For(connection, "--Monitoring:Checkpoint:MaxRowsBetween=7");
        FundView before;
        await using (var host = await RunningHost.StartAsync(settings))
        {
            using var ingest = host.Ingest();
            (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TestClaims.Settlements("restart", 500))))).EnsureSuccessStatusCode();
            before = await host.FundAsync("county", "530922");
        }

        await using var restarted = await RunningHost.StartAsync(settings);

        Assert.Equal(before, await restarted.FundAsync("county", "530922"));
        Assert.Equal(500, before.ClaimsCounted);
    }

    [Fact]
    public async Task Host_refuses_to_start_without_a_signing_key_of_its_own()
    {
        var connection = await postgres.CreateDatabaseAsync();
        string[] settings = ["--Monitoring:Storage:Provider=PostgreSql", $"--Monitoring:Storage:ConnectionString={connection}"];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningHost.StartAsync(settings));

        Assert.Contains("Monitoring:Auth:SigningKey is not set", error.Message);
    }

    [Fact]
    public async Task Token_from_another_key_is_refused_in_postgres_mode()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var host = await RunningHost.StartAsync(PostgresHostSettings.For(connection));
        await using var embedded = await RunningHost.StartAsync();
        using var client = host.Client(embedded.Token("admin"));

        using var response = await client.GetAsync("/api/funds/county/530922");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
