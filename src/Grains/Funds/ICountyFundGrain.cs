namespace Monitoring.Funds;

/// <summary>A county fund pool (县级统筹基金), keyed by the 6-digit countyId.</summary>
public interface ICountyFundGrain : IFundAccountGrain;
