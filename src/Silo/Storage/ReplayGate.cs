namespace Monitoring.Silo.Storage;

/// <summary>
/// Bounds the ledger reads that rebuild grains (a fund account's replay after its checkpoint, a detector's window) to a
/// few at a time per silo. After a restart every activation rebuilds at once; unbounded, they take every pooled
/// connection and ingest, alerts and the rebuilds themselves fail waiting for one. Waiting here costs only time:
/// each read holds its permit until its rows are read, and nothing waits on another grain while holding one.
/// </summary>
public sealed class ReplayGate(int permits)
{
    private readonly SemaphoreSlim _permits = new(permits, permits);
    private int _waiting;

    public int Permits { get; } = permits;

    /// <summary>Rebuild reads waiting for a permit just now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _permits.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Permit(_permits);
    }

    private sealed class Permit(SemaphoreSlim permits) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                permits.Release();
            }
        }
    }
}
