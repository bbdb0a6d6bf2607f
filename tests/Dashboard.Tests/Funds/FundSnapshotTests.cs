using Monitoring.Dashboard.Funds;
using Monitoring.Funds;
using Monitoring.Funds.Snapshots;
using Monitoring.Pace;
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
        var profile = FundAccountProfile.Find("alliance", "YX-TIGHT", Registry)!;
        var balance = new FundBalance(
            [new MonthTotal(202512, 1000m, 1, 0), new MonthTotal(202601, 250.5m, 3, 1), new MonthTotal(202602, 100m, 1, 0)],
            new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.FromHours(8)));

        var snapshot = FundSnapshot.Of(FundAccountStatus.Of(profile, balance, pace: null, yearEnd: null));

        Assert.Equal(("alliance", "tight", 300_000_000m, "530900"), (snapshot.Level, snapshot.AllianceType, snapshot.AnnualBudget, snapshot.RegionId));
        Assert.Equal((350.5m, 3L), (snapshot.FundPaid, snapshot.ClaimsCounted));
        Assert.Equal(["2025-12", "2026-01", "2026-02"], snapshot.Monthly.Select(m => m.Month));
    }

    [Fact]
    public void Member_hospital_carries_its_alliance_type()
    {
        var profile = FundAccountProfile.Find("hospital", "H53092200002", Registry)!;
        Assert.Equal(("YX-TIGHT", "tight"), (profile.AllianceId, profile.AllianceType));
        Assert.Null(FundAccountProfile.Find("hospital", "H53092200201", Registry)!.AllianceType);
    }

    [Fact]
    public void Unknown_level_or_id_finds_nothing()
    {
        Assert.Null(FundAccountProfile.Find("region", "530900", Registry));
        Assert.Null(FundAccountProfile.Find("hospital", "H00000000000", Registry));
    }
}
