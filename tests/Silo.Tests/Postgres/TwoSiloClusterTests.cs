using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.Tokens;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// Two host processes on one PostgreSQL form one cluster. Claims go to both; a SignalR client on silo B receives the
/// alerts that grains on silo A raise; A is killed with SIGKILL mid-stream and the feed keeps posting to B. Afterwards:
/// every acknowledged claim is in the ledger once and counted once, balances equal the ledger to the fen, every stored
/// alert reached B's client exactly once, and B's client never lost its connection. Membership is tuned for the test
/// (1 s probes, 2 misses, 1 vote), so the cluster declares A dead within seconds instead of the production 15 s.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class TwoSiloClusterTests(PostgresServer postgres)
{
    private const int Days = 50;
    private const int KillAfterDay = 25;
    private const string Overspender = "H53092200101"; // budget 8,000,000: exhausted within the 50 days
    private const string Faster = "H53092200202"; // budget 9,000,000: runs ahead of time, not exhausted
    private static readonly string[] Alliance = ["H53092200001", "H53092200002", "H53092200003", "H53092200101"];

    [Fact]
    public async Task Cluster_survives_losing_a_silo_mid_stream_with_every_claim_and_alert_once()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var ledger = new LedgerTotals(connection);
        var clusterId = $"two-{Guid.NewGuid():N}";
        var (portA, portB) = (FreePort.Next(), FreePort.Next());
        string[] Settings(int siloPort) => PostgresHostSettings.For(connection,
            $"--Monitoring:Cluster:ClusterId={clusterId}",
            $"--Monitoring:Cluster:SiloPort={siloPort}",
            "--Monitoring:Demo:Enabled=false",
            // Each finding's log line (at Debug since the console counts them) tells which silo raised it.
            "--Logging:LogLevel:Monitoring.Dashboard.Push.Publisher=Debug",
            $"--Monitoring:Registry:Path={Path.Combine(ContractFiles.Directory, "examples", "registry.json")}",
            "--Monitoring:Checkpoint:MaxRowsBetween=200",
            "--Monitoring:Checkpoint:Interval=00:00:01",
            "--Monitoring:Checkpoint:CatchUpInterval=00:00:02",
            "--Monitoring:Cluster:Membership:ProbeTimeout=00:00:01",
            "--Monitoring:Cluster:Membership:NumMissedProbesLimit=2",
            "--Monitoring:Cluster:Membership:NumVotesForDeathDeclaration=1",
            "--Monitoring:Cluster:Membership:TableRefreshTimeout=00:00:02",
            // "Request starting": lets the test kill A while a batch is in its hands.
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information");
        var issuer = new TokenIssuer(new AuthOptions(), new SymmetricSecurityKey(Encoding.UTF8.GetBytes(PostgresHostSettings.SigningKey)));
        var admin = issuer.Mint(AccessScope.Parse(AccessScope.Admin, null, out _)!);

        // Day 1 goes to A while it is alone, so every fund account and watch activates there; it raises no alert yet.
        await using var siloA = await HostProcess.StartAsync(Settings(portA));
        using var toA = Client(siloA.Address, admin);
        var acknowledged = new HashSet<string>();
        var unanswered = new List<string>();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(toA, Day(1), acknowledged));
        Assert.Empty(await StoredAlertsAsync(toA));

        await using var siloB = await HostProcess.StartAsync(Settings(portB));
        await using var listener = new ClusterListener(siloB.Address, issuer.Mint(AccessScope.Parse(AccessScope.Regulator, "region:530900", out _)!));
        await listener.StartAsync();
        using var toB = Client(siloB.Address, admin);

        // Before the kill: one settlement day at a time, alternating between the silos.
        for (var day = 2; day <= KillAfterDay; day++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(day % 2 == 1 ? toA : toB, Day(day), acknowledged));
        }

        // Mid-stream: the next day's batch is on its way to A when A dies; whether A answered or not, the feed resends
        // what it got no answer for, to B.
        var inFlight = Day(KillAfterDay + 1);
        var post = PostAsync(toA, inFlight, acknowledged);
        await siloA.WaitForOutputAsync("Request starting HTTP/1.1 POST", TimeSpan.FromSeconds(30));
        var killed = Stopwatch.StartNew();
        await siloA.KillAsync();
        var declaredDead = DeclaredDeadAsync(ledger, clusterId, portA, killed, TimeSpan.FromSeconds(60));
        var accountsAnswer = FirstAnswerAsync(toB, $"/api/funds/hospital/{Overspender}", killed, TimeSpan.FromSeconds(60));
        if (await post != HttpStatusCode.OK)
        {
            unanswered.AddRange(inFlight);
        }

        // After the kill: everything to B, resending until taken; the first 200 is when B serves again.
        TimeSpan? servedAgain = null;
        foreach (var batch in (IEnumerable<IReadOnlyList<string>>)[unanswered, .. Enumerable.Range(KillAfterDay + 2, Days - KillAfterDay - 1).Select(Day)])
        {
            await PostUntilTakenAsync(toB, batch, acknowledged, TimeSpan.FromSeconds(90), () => siloB.Output);
            servedAgain ??= killed.Elapsed;
        }

        var dead = await declaredDead;
        var answered = await accountsAnswer;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"SIGKILL to A: B took claims again after {servedAgain!.Value.TotalSeconds:0.0} s; A declared dead in the membership table after {dead.TotalSeconds:0.0} s; " +
            $"hospital {Overspender}'s account answered through B after {answered.TotalSeconds:0.0} s");

        // Every acknowledged claim once in the ledger, and balances equal to it.
        var sent = Enumerable.Range(1, Days).SelectMany(Day).ToList();
        Assert.Equal(sent.Count, acknowledged.Count);
        Assert.Equal(sent.Count, await ledger.RowsAsync());
        await WaitForBalancesAsync(toB, ledger, TimeSpan.FromSeconds(60));

        // The exhaustion is judged when the day it happened has ended for the account; if the silo judging it died
        // first, the survivor judges it on its periodic catch-up, so it is waited for, not expected at once.
        var exhaustionDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var stored = await StoredAlertsAsync(toB);
        while (!stored.Any(a => a.GetProperty("kind").GetString() == "budget-exhausted") && DateTime.UtcNow < exhaustionDeadline)
        {
            await Task.Delay(250);
            stored = await StoredAlertsAsync(toB);
        }

        // Every stored alert reached B's client exactly once; some were raised by grains on A.
        await listener.WaitForAsync(stored.Select(Id).ToHashSet(), TimeSpan.FromSeconds(30));
        var received = listener.Alerts();
        var missing = stored.Select(Id).Except(received.Select(Id)).ToList();
        var twice = received.GroupBy(Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unknown = received.Select(Id).Except(stored.Select(Id)).ToList();
        Assert.True(missing.Count + twice.Count + unknown.Count == 0,
            $"missing on B: [{string.Join(", ", missing)}]; pushed twice: [{string.Join(", ", twice)}]; not stored: [{string.Join(", ", unknown)}]{Environment.NewLine}" +
            $"--- A ---{Environment.NewLine}{AlertLines(siloA.Output)}--- B ---{Environment.NewLine}{AlertLines(siloB.Output)}");
        Assert.Contains(stored, a => a.GetProperty("kind").GetString() == "budget-exhausted");
        var raisedOnA = received.Count(a => siloA.Output.Contains($": {a.GetProperty("message").GetProperty("en").GetString()}", StringComparison.Ordinal));
        Assert.True(raisedOnA > 0, "no alert received on B was raised by a grain on A");
        TestContext.Current.TestOutputHelper?.WriteLine($"{stored.Count} alerts stored, each received once on B; {raisedOnA} raised on A");

        Assert.False(listener.EverClosed);
        Assert.Equal(HubConnectionState.Connected, listener.State);
    }

    /// <summary>One settlement day: a claim per hospital at an ordinary rate, and the two hospitals running ahead.</summary>
    private static IReadOnlyList<string> Day(int day)
    {
        var settled = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(8)).AddDays(day - 1);
        var discharge = DateOnly.FromDateTime(settled.Date).AddDays(-1);
        var claims = TestClaims.ExampleHospitals
            .Select((h, i) => TestClaims.Settlement($"two-{day:D3}-{i}", h, settled.AddMinutes(i), discharge, 1_000.00m, 1_500.00m, $"P-{day:D3}{i}"))
            .ToList();
        for (var i = 0; i < 4; i++)
        {
            claims.Add(TestClaims.Settlement($"two-{day:D3}-over-{i}", Overspender, settled.AddMinutes(10 + i), discharge, 45_000.00m, 60_000.00m, $"P-o{day:D3}{i}"));
        }

        claims.Add(TestClaims.Settlement($"two-{day:D3}-fast", Faster, settled.AddMinutes(20), discharge, 50_000.00m, 70_000.00m, $"P-f{day:D3}"));
        return claims;
    }

    private static string AlertLines(string output) =>
        string.Concat(output.Split('\n').Where(l => l.Contains(" Alert ", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal)).Select(l => l[..Math.Min(l.Length, 300)] + "\n"));

    private static string Id(JsonElement alert) => alert.GetProperty("alertId").GetString()!;

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, IReadOnlyList<string> batch, HashSet<string> acknowledged)
    {
        try
        {
            using var response = await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(batch)));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var reply = (await response.Content.ReadFromJsonAsync<IngestReplyView>())!;
                Assert.Empty(reply.Rejected);
                lock (acknowledged)
                {
                    acknowledged.UnionWith(batch.Select(ClaimId));
                }
            }

            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.BadGateway; // the silo died under the request: no answer
        }
    }

    private static async Task PostUntilTakenAsync(HttpClient client, IReadOnlyList<string> batch, HashSet<string> acknowledged, TimeSpan timeout, Func<string> log)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode status;
        while ((status = await PostAsync(client, batch, acknowledged)) != HttpStatusCode.OK)
        {
            // While the cluster has not yet declared A dead, calls to grains that lived there fail: an outage to retry.
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"B answered {status} during the fail-over, not 503:{Environment.NewLine}{log()}");
            Assert.True(DateTime.UtcNow < deadline, "B did not take claims again in time");
            await Task.Delay(200);
        }
    }

    /// <summary>How long after the kill a read of an account answers 200 (its grain, wherever it lived, is reachable again).</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(HttpClient client, string path, Stopwatch sinceKill, TimeSpan timeout)
    {
        while (true)
        {
            using (var response = await client.GetAsync(path))
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return sinceKill.Elapsed;
                }
            }

            Assert.True(sinceKill.Elapsed < timeout, $"{path} did not answer after the kill");
            await Task.Delay(50);
        }
    }

    /// <summary>How long after the kill the membership table first said A is dead (Orleans' SiloStatus.Dead is 6).</summary>
    private static async Task<TimeSpan> DeclaredDeadAsync(LedgerTotals database, string clusterId, int siloPort, Stopwatch sinceKill, TimeSpan timeout)
    {
        while (true)
        {
            var status = await database.ScalarAsync<int>(
                "SELECT coalesce(max(Status), 0) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Port = @p", ("c", clusterId), ("p", siloPort));
            if (status == 6)
            {
                return sinceKill.Elapsed;
            }

            Assert.True(sinceKill.Elapsed < timeout, "A was never declared dead");
            await Task.Delay(100);
        }
    }

    private static async Task WaitForBalancesAsync(HttpClient client, LedgerTotals ledger, TimeSpan timeout)
    {
        async Task<FundView> Fund(string level, string id) => (await client.GetFromJsonAsync<FundView>($"/api/funds/{level}/{id}"))!;
        async Task<bool> EqualAsync() =>
            (await Fund("county", "530922")).FundPaid == await ledger.FundPaidAsync(TestClaims.ExampleHospitals)
            && (await Fund("county", "530922")).ClaimsCounted == await ledger.ClaimsStandingAsync(TestClaims.ExampleHospitals)
            && (await Fund("alliance", "YX-TIGHT")).FundPaid == await ledger.FundPaidAsync(Alliance);

        var deadline = DateTime.UtcNow + timeout;
        while (!await EqualAsync() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(await ledger.FundPaidAsync(TestClaims.ExampleHospitals), (await Fund("county", "530922")).FundPaid);
        Assert.Equal(await ledger.ClaimsStandingAsync(TestClaims.ExampleHospitals), (await Fund("county", "530922")).ClaimsCounted);
        Assert.Equal(await ledger.FundPaidAsync(Alliance), (await Fund("alliance", "YX-TIGHT")).FundPaid);
        foreach (var hospital in TestClaims.ExampleHospitals)
        {
            Assert.Equal(await ledger.FundPaidAsync(hospital), (await Fund("hospital", hospital)).FundPaid);
        }
    }

    private static async Task<IReadOnlyList<JsonElement>> StoredAlertsAsync(HttpClient client)
    {
        var alerts = await client.GetFromJsonAsync<JsonElement>("/api/alerts?limit=1000");
        return [.. alerts.EnumerateArray()];
    }

    private static string ClaimId(string claim) =>
        claim[(claim.IndexOf("\"claimId\":\"", StringComparison.Ordinal) + 11)..].Split('"')[0];

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A SignalR client of one silo that records every alert and whether its connection ever closed.</summary>
    private sealed class ClusterListener : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly List<JsonElement> _alerts = [];
        private volatile bool _closed;

        public ClusterListener(Uri silo, string token)
        {
            _connection = new HubConnectionBuilder()
                .WithUrl(new Uri(silo, "hubs/monitoring"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            _connection.On<JsonElement>("alert", alert =>
            {
                lock (_alerts)
                {
                    _alerts.Add(alert.Clone());
                }
            });
            _connection.Closed += _ =>
            {
                _closed = true;
                return Task.CompletedTask;
            };
        }

        public bool EverClosed => _closed;

        public HubConnectionState State => _connection.State;

        public Task StartAsync() => _connection.StartAsync(TestContext.Current.CancellationToken);

        public IReadOnlyList<JsonElement> Alerts()
        {
            lock (_alerts)
            {
                return [.. _alerts];
            }
        }

        public async Task WaitForAsync(IReadOnlySet<string> alertIds, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!alertIds.IsSubsetOf(Alerts().Select(Id)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
    }
}
