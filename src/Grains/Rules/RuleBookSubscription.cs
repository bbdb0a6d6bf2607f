using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitoring.Rules;

/// <summary>
/// Subscribes this silo's <see cref="RuleBook"/> to the rule-library grain, and again every few seconds: the grain
/// keeps its subscribers in memory and loses them when it moves, and each subscription brings the library as it
/// stands, so a silo that missed a change has it within a period.
/// </summary>
public sealed partial class RuleBookSubscription(IGrainFactory grains, ILocalSiloDetails silo, RuleBook book, ILogger<RuleBookSubscription> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private IRuleBookObserver? _observer;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _observer = grains.CreateObjectReference<IRuleBookObserver>(book);
        await SubscribeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_observer is not null)
        {
            grains.DeleteObjectReference<IRuleBookObserver>(_observer);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SubscribeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await book.UpdateAsync(await grains.GetGrain<IRuleLibraryGrain>(0).SubscribeAsync(silo.SiloAddress, _observer!));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Until the next period this silo judges with the library it last had.
            LogSubscriptionFailed(logger, e, silo.SiloAddress);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing the rule book of silo {Silo} to the rule library failed")]
    private static partial void LogSubscriptionFailed(ILogger logger, Exception exception, SiloAddress silo);
}
