using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    ILogger<HubListRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private IMonitoringHubObserver? _observer;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _observer = grains.CreateObjectReference<IMonitoringHubObserver>(localHub);
        // Once before the host reports started, so that a push right after start-up already reaches this silo.
        await RegisterAsync(_observer, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_observer is not null)
        {
            grains.DeleteObjectReference<IMonitoringHubObserver>(_observer);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RegisterAsync(_observer!, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RegisterAsync(IMonitoringHubObserver observer, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IHubListGrain>(0).RegisterAsync(silo.SiloAddress, observer);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The next period tries again; until then pushes from elsewhere may miss this silo's clients.
            LogRegistrationFailed(logger, e, silo.SiloAddress);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the hub of silo {Silo} with the hub list failed")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception, SiloAddress silo);
}
