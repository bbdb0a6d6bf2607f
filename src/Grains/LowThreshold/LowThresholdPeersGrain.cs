using Microsoft.Extensions.Options;
using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>
/// Holds the latest cost sketches and share summaries of a region's hospitals. Nothing is stored: every hospital sends
/// its whole summary each settled week, so a peers grain that starts empty is whole again within a week. It is kept
/// alive longer than a week without calls, so that a quiet week in real time does not empty it.
/// </summary>
[CollectionAgeLimit(Days = 8)]
public sealed class LowThresholdPeersGrain(IOptions<LowThresholdOptions> options) : Grain, ILowThresholdPeersGrain
{
    private readonly Dictionary<string, Dictionary<string, QuantileSketch>> _costs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HospitalShareReport> _reports = new(StringComparer.Ordinal);

    public Task<Dictionary<string, double>> ShareCostsAsync(string hospitalId, Dictionary<string, QuantileSketch> costs, string[] drgCodes)
    {
        _costs[hospitalId] = costs;
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var drg in drgCodes.Distinct(StringComparer.Ordinal))
        {
            var region = new QuantileSketch();
            foreach (var hospital in _costs.Values)
            {
                if (hospital.TryGetValue(drg, out var sketch))
                {
                    region.Merge(sketch);
                }
            }

            if (region.Count >= options.Value.MinMedianCases && region.Median is { } median)
            {
                medians[drg] = median;
            }
        }

        return Task.FromResult(medians);
    }

    public Task<PeerReference> CompareAsync(HospitalShareReport report)
    {
        _reports[report.Placement.HospitalId] = report;
        return Task.FromResult(PeerShares.For(report.Placement.HospitalId, report.Level, _reports.Values, options.Value));
    }
}
