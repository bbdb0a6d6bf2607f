using Microsoft.Extensions.Hosting;

namespace Monitoring.Cluster;

/// <summary>
/// A silo-local object made reachable from the cluster: turned into a grain observer and handed to the grain that
/// calls it, once before the host reports started and again every <see cref="Period"/>, because such grains keep
/// their observers in memory and lose them when they move.
/// </summary>
public abstract class ObserverRenewal<TObserver>(IGrainFactory grains, TObserver local) : BackgroundService
    where TObserver : class, IGrainObserver
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private TObserver? _observer;

    protected IGrainFactory Grains => grains;

    /// <summary>Hands the observer to the grain that calls it.</summary>
    protected abstract Task RenewAsync(TObserver observer, CancellationToken cancellationToken);

    /// <summary>A renewal failed; the next period tries again.</summary>
    protected abstract void RenewalFailed(Exception exception);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _observer = grains.CreateObjectReference<TObserver>(local);
        // Once before the host reports started, so that a call right after start-up already reaches this silo.
        await RenewOnceAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_observer is not null)
        {
            grains.DeleteObjectReference<TObserver>(_observer);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RenewOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RenewAsync(_observer!, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            RenewalFailed(e);
        }
    }
}
