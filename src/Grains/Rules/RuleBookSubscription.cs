using Microsoft.Extensions.Logging;
using Monitoring.Cluster;

namespace Monitoring.Rules;

/// <summary>
/// Subscribes this silo's <see cref="RuleBook"/> to the rule-library grain, and again every few seconds: the grain
/// keeps its subscribers in memory and loses them when it moves, and each subscription brings the library as it
/// stands, so a silo that missed a change has it within a period.
/// </summary>
public sealed partial class RuleBookSubscription(IGrainFactory grains, ILocalSiloDetails silo, RuleBook book, ILogger<RuleBookSubscription> logger)
    : ObserverRenewal<IRuleBookObserver>(grains, book)
{
    protected override async Task RenewAsync(IRuleBookObserver observer, CancellationToken cancellationToken) =>
        await book.UpdateAsync(await Grains.GetGrain<IRuleLibraryGrain>(0).SubscribeAsync(silo.SiloAddress, observer));

    // Until the next period this silo judges with the library it last had.
    protected override void RenewalFailed(Exception exception) => LogSubscriptionFailed(logger, exception, silo.SiloAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing the rule book of silo {Silo} to the rule library failed")]
    private static partial void LogSubscriptionFailed(ILogger logger, Exception exception, SiloAddress silo);
}
