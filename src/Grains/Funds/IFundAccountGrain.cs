using Monitoring.Funds.Snapshots;

namespace Monitoring.Funds;

/// <summary>Any fund account: it counts its hospitals' deltas, judges its pace, and its balance and status can be read.</summary>
public interface IFundAccountGrain : IGrainWithStringKey
{
    /// <summary>Counts each delta once; a gap before one is filled from the ledger.</summary>
    Task AbsorbAsync(FundDelta[] deltas);

    Task<FundBalance> GetBalanceAsync();

    /// <summary>The account's status with the registry's view of it: budget, pace, year-end preview.</summary>
    Task<FundStatus> GetStatusAsync();

    /// <summary>Fund paid by settlement day of the account's fund year, oldest first: the spend curve drawn by day.</summary>
    Task<DayTotal[]> GetDaysAsync();

    /// <summary>Judges budget pace for the settlement days that ended before <paramref name="watermark"/>.</summary>
    Task PaceThroughAsync(DateTimeOffset watermark);
}
