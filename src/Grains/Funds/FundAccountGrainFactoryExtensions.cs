using Monitoring.Registry;

namespace Monitoring.Funds;

/// <summary>The grain behind a fund account named by level and id.</summary>
public static class FundAccountGrainFactoryExtensions
{
    public static IFundAccountGrain GetFundAccount(this IGrainFactory grains, string level, string id) => level switch
    {
        FundLevel.County => grains.GetGrain<ICountyFundGrain>(id),
        FundLevel.Alliance => grains.GetGrain<IAllianceGrain>(id),
        FundLevel.Hospital => grains.GetGrain<IHospitalGrain>(id),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a fund account level"),
    };
}
