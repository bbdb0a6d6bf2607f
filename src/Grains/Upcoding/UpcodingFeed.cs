using Microsoft.Extensions.Options;
using Monitoring.Dispatch;

namespace Monitoring.Upcoding;

/// <summary>Hands each hospital's new rows to its coding watch; a hospital the registry no longer places is left out.</summary>
public sealed class UpcodingFeed(IGrainFactory grains, IOptions<UpcodingOptions> options) : ILedgerConsumer
{
    public string Name => "upcoding";

    public Task ConsumeAsync(AdmittedBatch batch) => !options.Value.Enabled ? Task.CompletedTask :
        Task.WhenAll(batch.ByHospital()
            .Where(h => h.Placement is not null)
            .Select(h => grains.GetGrain<IUpcodingGrain>(h.HospitalId).RecordAsync([.. h.Rows], batch.Watermark)));
}
