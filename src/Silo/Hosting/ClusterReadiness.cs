using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Registry;

namespace Monitoring.Silo;

/// <summary>Ready when a grain call goes through: the silo has joined its cluster and can serve.</summary>
public sealed class ClusterReadiness(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await grains.GetGrain<IRegistryGrain>(0).GetVersionAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return version > 0
                ? HealthCheckResult.Healthy($"registry version {version}")
                : HealthCheckResult.Degraded("no registry in force: claims are refused until PUT /api/registry");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("the cluster does not answer", e);
        }
    }
}
