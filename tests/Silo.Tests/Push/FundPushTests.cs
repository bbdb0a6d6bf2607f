using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Access;
using Monitoring.Dashboard.Push;
using Monitoring.Publishing;
using Monitoring.Funds.Snapshots;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Push;

/// <summary>
/// Fund snapshots pushed through <c>/hubs/monitoring</c>: coalesced per account to a bounded rate, and routed
/// by the server to the scopes that may see each account.
/// </summary>
public sealed class FundPushTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string County = "530922";
    private const string Region = "530900";
    private const string HospitalA = "H53092200001";
    private const string HospitalB = "H53092200002";

    private RunningHost Host => fixture.Host;

    private IPublisher Sink => Host.Services.GetRequiredService<IPublisher>();

    [Fact]
    public async Task Two_hundred_changes_of_one_account_within_a_second_arrive_as_at_most_three_ending_with_the_latest()
    {
        const string account = "H53092200003";
        await using var admin = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.Admin));
        var clock = Stopwatch.StartNew();

        // Ten bursts of twenty over about 0.6 s: a busy hospital reporting after every small batch of claims.
        for (var i = 1; i <= 200; i++)
        {
            Sink.FundChanged(StatusOf("hospital", account, claimsCounted: i));
            if (i % 20 == 0 && i < 200)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(60), TestContext.Current.CancellationToken);
            }
        }

        // The bound follows the push interval, not this machine's speed: a loaded runner stretches the bursts.
        var sending = clock.Elapsed;
        var atMost = Math.Max(3, (int)(sending / MonitoringPushGrain.FundInterval) + 2);
        // The latest status must arrive (within the listener's patience); how fast is the fan-out benchmark's to say.
        await admin.WaitForAsync("fund", d => IsAccount(d, account) && d.GetProperty("claimsCounted").GetInt64() == 200);

        var received = admin.Received("fund").Where(d => IsAccount(d, account)).ToList();
        Assert.InRange(received.Count, 1, atMost);
        Assert.Equal(200, received[^1].GetProperty("claimsCounted").GetInt64());
        Assert.Equal(200 * 1000.01m, received[^1].GetProperty("fundPaid").GetDecimal());
    }

    [Fact]
    public async Task Hospital_fund_reaches_that_hospital_and_the_region_but_county_fund_and_other_hospitals_do_not()
    {
        await using var regionRegulator = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.Regulator, $"region:{Region}"));
        await using var hospitalA = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.HospitalRole, $"hospital:{HospitalA}"));
        await using var hospitalB = await HubListener.ConnectAsync(Host, Host.Token(AccessScope.HospitalRole, $"hospital:{HospitalB}"));

        Sink.FundChanged(StatusOf("county", County, claimsCounted: 7));
        Sink.FundChanged(StatusOf("hospital", HospitalA, claimsCounted: 1));
        await regionRegulator.WaitForAsync("fund", d => IsAccount(d, County));
        await regionRegulator.WaitForAsync("fund", d => IsAccount(d, HospitalA));
        await hospitalA.WaitForAsync("fund", d => IsAccount(d, HospitalA));

        // Markers, pushed after the documents above reached every connection they were going to reach.
        Sink.FundChanged(StatusOf("hospital", HospitalA, claimsCounted: 2));
        Sink.FundChanged(StatusOf("hospital", HospitalB, claimsCounted: 1));
        await hospitalA.WaitForAsync("fund", d => IsAccount(d, HospitalA) && d.GetProperty("claimsCounted").GetInt64() == 2);
        await hospitalB.WaitForAsync("fund", d => IsAccount(d, HospitalB));

        Assert.All(hospitalA.Received("fund"), d => Assert.Equal(HospitalA, d.GetProperty("id").GetString()));
        Assert.All(hospitalB.Received("fund"), d => Assert.Equal(HospitalB, d.GetProperty("id").GetString()));
    }

    private static bool IsAccount(JsonElement document, string id) => document.GetProperty("id").GetString() == id;

    private static FundStatus StatusOf(string level, string id, long claimsCounted) => new()
    {
        Level = level,
        Id = id,
        Name = "云县人民医院",
        CountyId = County,
        RegionId = Region,
        FundYear = 2026,
        AnnualBudget = 180_000_000m,
        FundPaid = claimsCounted * 1000.01m,
        ClaimsCounted = claimsCounted,
    };
}
