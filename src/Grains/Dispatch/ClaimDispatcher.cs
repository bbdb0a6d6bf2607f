using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Dispatch;

/// <summary>
/// The one step between the ledger and everything that learns from it: takes an admitted batch and hands it to every
/// registered <see cref="ILedgerConsumer"/> at once. Adding a consumer is one registration in the silo's services.
/// A consumer's failure is logged and does not hold back the others; the rows are durable, so it catches up later.
/// With <see cref="DispatchOptions.QueueDetectors"/>, consumers that need not act before the reply get the batch
/// through a bounded queue each, in the order batches were admitted on this silo.
/// </summary>
public sealed class ClaimDispatcher : IDisposable
{
    private readonly ILedgerConsumer[] _inline;
    private readonly (ILedgerConsumer Consumer, Channel<AdmittedBatch> Queue)[] _queued;
    private readonly ILogger<ClaimDispatcher> _logger;

    public ClaimDispatcher(IEnumerable<ILedgerConsumer> consumers, IOptions<DispatchOptions> options, ILogger<ClaimDispatcher> logger)
    {
        _logger = logger;
        var all = consumers.ToList();
        var queue = options.Value.QueueDetectors;
        _inline = [.. all.Where(c => !queue || c.ActsBeforeReply)];
        _queued = [.. all.Where(c => queue && !c.ActsBeforeReply).Select(c => (c, Channel.CreateBounded<AdmittedBatch>(
            new BoundedChannelOptions(Math.Max(1, options.Value.QueueBatches)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })))];
        foreach (var (consumer, channel) in _queued)
        {
            _ = Task.Run(() => DrainAsync(consumer, channel.Reader));
        }
    }

    public async Task DispatchAsync(IReadOnlyList<LedgerEntry> accepted, FundRegistry registry)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var batch = new AdmittedBatch(accepted, registry, accepted.Max(e => e.Claim.SettledAt));
        foreach (var (_, channel) in _queued)
        {
            await channel.Writer.WriteAsync(batch);
        }

        await Task.WhenAll(_inline.Select(consumer => ConsumeAsync(consumer, batch)));
    }

    private async Task ConsumeAsync(ILedgerConsumer consumer, AdmittedBatch batch)
    {
        try
        {
            await consumer.ConsumeAsync(batch);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "{Consumer} failed on {Count} ledger rows; it catches up from the ledger", consumer.Name, batch.Entries.Count);
        }
    }

    private async Task DrainAsync(ILedgerConsumer consumer, ChannelReader<AdmittedBatch> reader)
    {
        await foreach (var batch in reader.ReadAllAsync())
        {
            await ConsumeAsync(consumer, batch);
        }
    }

    public void Dispose()
    {
        // What is still queued is in the ledger: each consumer reads it back on its catch-up.
        foreach (var (_, channel) in _queued)
        {
            channel.Writer.TryComplete();
        }
    }
}
