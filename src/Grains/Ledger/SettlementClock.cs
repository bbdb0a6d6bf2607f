using Monitoring.Dispatch;
using Monitoring.Registry;

namespace Monitoring.Ledger;

/// <summary>
/// The host's settlement clock: the latest settlement time the ledger holds, the "now" the board shows (its funds'
/// <c>asOf</c>) and the time cases are stamped in (立案, 办结期限, decisions), so a replayed or simulated year reads one
/// clock on every screen. It follows the watermark of every batch this silo admits, reads the ledger once at its first
/// use (what was admitted before this process started), and learns what other silos admitted by exchanging watermarks
/// through <see cref="ISettlementWatermarkGrain"/> now and then, never by scanning the ledger again; with an empty
/// ledger it is the wall clock.
/// </summary>
public sealed class SettlementClock(IClaimsLedger ledger, RegistryCatalog registry, IGrainFactory grains, TimeProvider clock)
    : ILedgerConsumer
{
    /// <summary>How long this silo's view of the cluster's watermark stands before it is exchanged again.</summary>
    public static readonly TimeSpan ReadInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private DateTimeOffset? _seen;
    private DateTimeOffset _exchangedAt = DateTimeOffset.MinValue;
    private bool _ledgerRead;

    public string Name => "settlement-clock";

    public Task ConsumeAsync(AdmittedBatch batch)
    {
        Raise(batch.Watermark);
        return Task.CompletedTask;
    }

    /// <summary>The settlement time now: the latest settlement seen, the wall clock before any.</summary>
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default)
    {
        var wall = clock.GetUtcNow();
        bool exchange, readLedger;
        lock (_gate)
        {
            exchange = wall - _exchangedAt >= ReadInterval;
            if (exchange)
            {
                _exchangedAt = wall;
            }

            readLedger = !_ledgerRead;
        }

        if (readLedger && (await registry.CurrentAsync()).Hospitals.Keys.ToList() is { Count: > 0 } hospitals)
        {
            Raise(await ledger.LatestSettlementAsync(hospitals, cancellationToken));
            lock (_gate)
            {
                _ledgerRead = true;
            }
        }

        if (exchange)
        {
            DateTimeOffset? seen;
            lock (_gate)
            {
                seen = _seen;
            }

            try
            {
                Raise(await grains.GetGrain<ISettlementWatermarkGrain>(0).AdvanceAsync(seen));
            }
            catch (Exception e) when (Cluster.ClusterFailure.IsTransient(e))
            {
                // The watermark grain is moving with a failed silo: this silo's own watermark stands until the next exchange.
            }
        }

        lock (_gate)
        {
            return _seen ?? wall;
        }
    }

    private void Raise(DateTimeOffset? latest)
    {
        lock (_gate)
        {
            if (latest is { } l && (_seen is null || l > _seen))
            {
                _seen = l;
            }
        }
    }
}
