using System.Collections.Concurrent;
using System.Threading.Channels;
using Monitoring.Funds;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// The latest status of each fund account not yet pushed. Putting is a dictionary write and never blocks, so a
/// grain may report after every batch; however often an account changes, only its latest status waits here.
/// </summary>
public sealed class PendingFundStatuses
{
    private readonly ConcurrentDictionary<(string Level, string Id), FundStatus> _latest = new();

    // Capacity one, dropping further writes: a single "something is pending" signal, however many puts it stands for.
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Put(FundStatus status)
    {
        _latest[(status.Level, status.Id)] = status;
        _pending.Writer.TryWrite(true);
    }

    /// <summary>Puts back statuses that could not be pushed, unless a newer one for the same account came meanwhile.</summary>
    public void Restore(IEnumerable<FundStatus> statuses)
    {
        foreach (var status in statuses)
        {
            _latest.TryAdd((status.Level, status.Id), status);
        }

        _pending.Writer.TryWrite(true);
    }

    /// <summary>Waits until something may be pending; false once the host stops.</summary>
    public async ValueTask<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _pending.Reader.ReadAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Takes every pending status. One put during the take either comes with it or stays, signalled, for the next.</summary>
    public FundStatus[] Take()
    {
        var taken = new List<FundStatus>(_latest.Count);
        foreach (var key in _latest.Keys)
        {
            if (_latest.TryRemove(key, out var status))
            {
                taken.Add(status);
            }
        }

        return [.. taken];
    }
}
