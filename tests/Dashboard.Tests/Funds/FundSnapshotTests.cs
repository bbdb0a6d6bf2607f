using Monitoring.Dashboard.Funds;
using Monitoring.Funds;
using Monitoring.Registry;
using Monitoring.Testing;

namespace Monitoring.Dashboard.Tests.Funds;

public sealed class FundSnapshotTests
{
    private static readonly FundRegistry Registry =
        FundRegistry.From(RegistryParser.Parse(ContractFiles.Read("examples/registry.json")).Document!, 1);

    [Fact]
    public void Snapshot_joins_the_balance_with_the_registry_entry()
    {
        var account = FundAccountRef.Find("alliance", "YX-TIGHT", Registry)!;
        var balance = new FundBalance(
            [new MonthTotal(202512, 1000m, 1, 0), new MonthTotal(202601, 250.5m, 3, 1), new MonthTotal(202602, 100m, 1, 0)],
            new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.FromHours(8)), 6);

        var snapshot = FundSnapshot.Of(account, Registry.FundYear, balance);

        Assert.Equal(("alliance", "tight", 300_000_000m), (snapshot.Level, snapshot.AllianceType, snapshot.AnnualBudget));
        Assert.Equal((350.5m, 3L), (snapshot.FundPaid, snapshot.ClaimsCounted));
        Assert.Equal(["2025-12", "2026-01", "2026-02"], snapshot.Monthly.Select(m => m.Month));
    }

    [Fact]
    public void Unknown_level_or_id_finds_nothing()
    {
        Assert.Null(FundAccountRef.Find("region", "530900", Registry));
        Assert.Null(FundAccountRef.Find("hospital", "H00000000000", Registry));
    }
}
