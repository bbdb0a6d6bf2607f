using Monitoring.Funds;

namespace Monitoring.Grains;

/// <summary>Any fund account: its running balance can be read.</summary>
public interface IFundAccountGrain : IGrainWithStringKey
{
    Task<FundBalance> GetBalanceAsync();

    /// <summary>The account's status with the registry's view of it: budget, pace, year-end preview.</summary>
    Task<FundStatus> GetStatusAsync();

    /// <summary>Judges budget pace for the settlement days that ended before <paramref name="watermark"/>.</summary>
    Task PaceThroughAsync(DateTimeOffset watermark);
}
