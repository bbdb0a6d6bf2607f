using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Silo.Storage;

namespace Monitoring.Silo;

/// <summary>Not ready while the fund accounts are being rebuilt after a start (<see cref="RecoveryWarmUp"/>); ready once they all have been.</summary>
public sealed class RecoveryReadiness(RecoveryWarmUp warmUp, ReplayGate replays) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmUp.CaughtUp
            ? HealthCheckResult.Healthy($"caught up; {replays.Waiting} rebuild reads waiting")
            : HealthCheckResult.Unhealthy($"catching up after start: {warmUp.Progress}, {replays.Waiting} rebuild reads waiting for one of {replays.Permits}"));
}
