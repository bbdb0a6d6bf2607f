using Monitoring.Funds;

namespace Monitoring.Grains;

/// <summary>The grain behind a fund account named by level and id.</summary>
public static class FundAccountGrains
{
    public static IFundAccountGrain For(IGrainFactory grains, string level, string id) => level switch
    {
        FundAccountProfile.County => grains.GetGrain<ICountyFundGrain>(id),
        FundAccountProfile.Alliance => grains.GetGrain<IAllianceGrain>(id),
        FundAccountProfile.Hospital => grains.GetGrain<IHospitalGrain>(id),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a fund account level"),
    };
}
