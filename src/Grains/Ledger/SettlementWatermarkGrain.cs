using Orleans.Concurrency;

namespace Monitoring.Ledger;

/// <summary>
/// Kept in memory only: when it is lost with its silo, every clock hands its watermark in again at its next exchange,
/// and each clock has read the ledger once at its start, so nothing is lost that the ledger does not hold.
/// </summary>
[Reentrant]
public sealed class SettlementWatermarkGrain : Grain, ISettlementWatermarkGrain
{
    private DateTimeOffset? _latest;

    public ValueTask<DateTimeOffset?> AdvanceAsync(DateTimeOffset? seen)
    {
        if (seen > _latest || _latest is null)
        {
            _latest = seen ?? _latest;
        }

        return new(_latest);
    }
}
