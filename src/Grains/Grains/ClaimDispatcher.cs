using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>
/// Hands newly durable ledger rows to the grains that count them: one call per hospital per batch, all in parallel.
/// The ledger already holds every row, so a failed dispatch delays a balance but cannot lose a claim.
/// </summary>
public sealed class ClaimDispatcher(IGrainFactory grains)
{
    public Task DispatchAsync(IReadOnlyList<LedgerEntry> accepted, FundRegistry registry)
    {
        var calls = new List<Task>();
        foreach (var group in accepted.GroupBy(e => e.Movement.HospitalId))
        {
            // A reversal may name a hospital that a later registry dropped; its own account still counts it.
            var placement = registry.PlacementOf(group.Key) ?? new HospitalPlacement(group.Key, "", "", null);
            calls.Add(grains.GetGrain<IHospitalGrain>(group.Key).RecordAsync([.. group], placement));
        }

        return Task.WhenAll(calls);
    }
}
