using Microsoft.Extensions.Options;
using Monitoring.Dispatch;

namespace Monitoring.LowThreshold;

/// <summary>
/// Hands each hospital's new rows to its low-threshold watch, with the batch's latest settlement time so that a week
/// ends for every hospital in the batch. A hospital the registry no longer places is left out: its peers are unknown.
/// </summary>
public sealed class LowThresholdFeed(IGrainFactory grains, IOptions<LowThresholdOptions> options) : ILedgerConsumer
{
    public string Name => "low-threshold";

    public Task ConsumeAsync(AdmittedBatch batch) => !options.Value.Enabled ? Task.CompletedTask :
        Task.WhenAll(batch.ByHospital()
            .Where(h => h.Placement is not null)
            .Select(h => grains.GetGrain<ILowThresholdGrain>(h.HospitalId).RecordAsync([.. h.Rows], batch.Watermark)));
}
