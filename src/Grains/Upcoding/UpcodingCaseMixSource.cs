using Monitoring.CaseMix;

namespace Monitoring.Upcoding;

/// <summary>The coding watches as the region's source of summaries: waking a watch has it report on its next tick.</summary>
public sealed class UpcodingCaseMixSource(IGrainFactory grains) : ICaseMixSource
{
    public Task ReportAgainAsync(IEnumerable<string> hospitalIds) =>
        Task.WhenAll(hospitalIds.Select(h => grains.GetGrain<IUpcodingGrain>(h).WakeAsync()));
}
