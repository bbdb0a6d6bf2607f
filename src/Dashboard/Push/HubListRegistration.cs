using Microsoft.Extensions.Logging;
using Monitoring.Cluster;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// Makes this silo's hub reachable from the cluster: turns <see cref="HubObserver"/> into a grain observer
/// and registers it with the hub list, then again every few seconds, because the list lives in memory and is lost
/// with the silo that hosts it.
/// </summary>
public sealed partial class HubListRegistration(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    HubObserver localHub,
    ILogger<HubListRegistration> logger) : ObserverRenewal<IMonitoringHubObserver>(grains, localHub)
{
    protected override async Task RenewAsync(IMonitoringHubObserver observer, CancellationToken cancellationToken) =>
        await Grains.GetGrain<IHubListGrain>(0).RegisterAsync(silo.SiloAddress, observer);

    // Until the next period pushes from elsewhere may miss this silo's clients.
    protected override void RenewalFailed(Exception exception) => LogRegistrationFailed(logger, exception, silo.SiloAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the hub of silo {Silo} with the hub list failed")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception, SiloAddress silo);
}
