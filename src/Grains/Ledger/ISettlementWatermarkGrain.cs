namespace Monitoring.Ledger;

/// <summary>
/// The cluster's latest settlement time as the silos' dispatches have seen it (key 0): each silo's
/// <see cref="SettlementClock"/> hands in its own now and then and takes the cluster's back, so no clock has to scan
/// the ledger for what other silos admitted.
/// </summary>
public interface ISettlementWatermarkGrain : IGrainWithIntegerKey
{
    /// <summary>Raises the watermark to <paramref name="seen"/> if it is later and answers the watermark.</summary>
    ValueTask<DateTimeOffset?> AdvanceAsync(DateTimeOffset? seen);
}
