using Monitoring.Dispatch;
using Monitoring.Registry;

namespace Monitoring.Ledger;

/// <summary>
/// The host's settlement clock: the latest settlement time the ledger holds, the "now" the board shows (its funds'
/// <c>asOf</c>) and the time cases are stamped in (立案, 办结期限, decisions), so a replayed or simulated year reads one
/// clock on every screen. It follows every admitted batch on this silo and, now and then, reads the ledger for what
/// other silos admitted; with an empty ledger it is the wall clock.
/// </summary>
public sealed class SettlementClock(IClaimsLedger ledger, RegistryCatalog registry, TimeProvider clock) : ILedgerConsumer
{
    /// <summary>How long a read of the ledger's latest settlement stands before it is read again.</summary>
    public static readonly TimeSpan ReadInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private DateTimeOffset? _seen;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public string Name => "settlement-clock";

    public Task ConsumeAsync(AdmittedBatch batch)
    {
        lock (_gate)
        {
            if (_seen is null || batch.Watermark > _seen)
            {
                _seen = batch.Watermark;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The settlement time now: the latest settlement seen, the wall clock before any.</summary>
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default)
    {
        var wall = clock.GetUtcNow();
        bool read;
        lock (_gate)
        {
            read = wall - _readAt >= ReadInterval;
            if (read)
            {
                _readAt = wall;
            }
        }

        if (read)
        {
            var hospitals = (await registry.CurrentAsync()).Hospitals.Keys.ToList();
            var latest = await ledger.LatestSettlementAsync(hospitals, cancellationToken);
            lock (_gate)
            {
                if (latest is { } l && (_seen is null || l > _seen))
                {
                    _seen = l;
                }
            }
        }

        lock (_gate)
        {
            return _seen ?? wall;
        }
    }
}
