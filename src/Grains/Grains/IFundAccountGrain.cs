using Monitoring.Funds;

namespace Monitoring.Grains;

/// <summary>Any fund account: its running balance can be read.</summary>
public interface IFundAccountGrain : IGrainWithStringKey
{
    Task<FundBalance> GetBalanceAsync();
}
