using Microsoft.Extensions.Logging;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Dispatch;

/// <summary>
/// The one step between the ledger and everything that learns from it: takes an admitted batch and hands it to every
/// registered <see cref="ILedgerConsumer"/> at once. Adding a consumer is one registration in the silo's services.
/// A consumer's failure is logged and does not hold back the others; the rows are durable, so it catches up later.
/// </summary>
public sealed class ClaimDispatcher(IEnumerable<ILedgerConsumer> consumers, ILogger<ClaimDispatcher> logger)
{
    private readonly ILedgerConsumer[] _consumers = [.. consumers];

    public async Task DispatchAsync(IReadOnlyList<LedgerEntry> accepted, FundRegistry registry)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var batch = new AdmittedBatch(accepted, registry, accepted.Max(e => e.Claim.SettledAt));
        await Task.WhenAll(_consumers.Select(async consumer =>
        {
            try
            {
                await consumer.ConsumeAsync(batch);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Consumer} failed on {Count} ledger rows; it catches up from the ledger", consumer.Name, accepted.Count);
            }
        }));
    }
}
