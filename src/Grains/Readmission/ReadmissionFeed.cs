using Microsoft.Extensions.Options;
using Monitoring.Dispatch;

namespace Monitoring.Readmission;

/// <summary>
/// Hands each place's new rows to its readmission watch: an alliance's members share one window (a readmission at
/// another member is a split too); a hospital outside any alliance has its own. A hospital the registry no longer
/// places is left out: where it belongs is unknown, and a split is judged within a place.
/// </summary>
public sealed class ReadmissionFeed(IGrainFactory grains, IOptions<ReadmissionOptions> options) : ILedgerConsumer
{
    public string Name => "readmission";

    public Task ConsumeAsync(AdmittedBatch batch) => !options.Value.Enabled ? Task.CompletedTask :
        Task.WhenAll(batch.ByHospital()
            .Where(h => h.Placement is not null)
            .GroupBy(h => h.Placement!.AllianceId ?? h.HospitalId, StringComparer.Ordinal)
            .Select(place => grains.GetGrain<IReadmissionGrain>(place.Key).RecordAsync([.. place.SelectMany(h => h.Rows)], batch.Watermark)));
}
