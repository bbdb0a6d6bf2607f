using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Cases;
using Monitoring.Ledger;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Cases;

/// <summary>
/// A decision stored without its booking — what a crash or a ledger failure between the two leaves — is booked by the
/// bookings check, once, and the hospital's balance then counts it to the fen.
/// </summary>
public sealed class CaseBookingsCheckTests : IAsyncLifetime
{
    private const string Hospital = "H53092200201";
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync("--Monitoring:Cases:BookingCheckInterval=00:00:00.200");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_decision_left_without_its_booking_is_booked_by_the_check_exactly_once()
    {
        using (var ingest = _host.Ingest())
        {
            (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([
                TestClaims.Settlement("check-1", Hospital, TestSplitPairs.At(new DateOnly(2026, 4, 2)), new DateOnly(2026, 4, 1), 9_876.54m, 12_000m),
            ])))).EnsureSuccessStatusCode();
        }

        var before = (await _host.FundAsync("hospital", Hospital)).FundPaid;
        var store = _host.Services.GetRequiredService<ICaseStore>();
        var decided = new InspectionCase
        {
            CaseId = "C-check",
            Kind = "split-hospitalization",
            Severity = "warning",
            CountyId = "530922",
            RegionId = "530900",
            HospitalId = Hospital,
            ClaimIds = ["check-1"],
            AmountAtStake = 9_876.54m,
            SummaryZh = "测试",
            SummaryEn = "test",
            Status = CaseStatus.Confirmed,
            OpenedAt = DateTimeOffset.UtcNow,
            OpenedBy = "system",
            DueAt = DateTimeOffset.UtcNow.AddDays(30),
            Bookings = [new LedgerBooking("recovery/C-check/1", -1_234.56m, TestSplitPairs.At(new DateOnly(2026, 4, 2)), "recovery")],
        };
        await store.AddAsync(decided);

        var clock = Stopwatch.StartNew();
        var paid = before;
        while (paid == before && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            paid = (await _host.FundAsync("hospital", Hospital)).FundPaid;
        }

        Assert.Equal(before - 1_234.56m, paid);
        Assert.Equal(0, await _host.Services.GetRequiredService<RecoveryLedger>().BookMissingAsync([decided]));
        var row = Assert.Single(await _host.Services.GetRequiredService<IClaimsLedger>().ReadClaimsAsync(["recovery/C-check/1"]));
        Assert.Equal(-1_234.56m, row.Entry.Movement.FundPaid);
        Assert.Equal(before - 1_234.56m, (await _host.FundAsync("hospital", Hospital)).FundPaid);
    }
}
