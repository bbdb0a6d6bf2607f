using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>
/// Hands newly durable ledger rows to the grains that count them: one call per hospital per batch, all in parallel.
/// Then, once every hospital has rolled up, the alliances and counties touched judge their pace up to the batch's
/// latest settlement time — only then, because before it a county may have heard from some hospitals and not others.
/// The ledger already holds every row, so a failed dispatch delays a balance but cannot lose a claim.
/// </summary>
public sealed class ClaimDispatcher(IGrainFactory grains)
{
    public async Task DispatchAsync(IReadOnlyList<LedgerEntry> accepted, FundRegistry registry)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var watermark = accepted.Max(e => e.Claim.SettledAt);
        var placements = new List<HospitalPlacement>();
        var calls = new List<Task>();
        foreach (var group in accepted.GroupBy(e => e.Movement.HospitalId))
        {
            // A reversal may name a hospital that a later registry dropped; its own account still counts it.
            var placement = registry.PlacementOf(group.Key) ?? new HospitalPlacement(group.Key, "", "", null);
            placements.Add(placement);
            calls.Add(grains.GetGrain<IHospitalGrain>(group.Key).RecordAsync([.. group], placement, watermark));
        }

        await Task.WhenAll(calls);
        var pools = placements.Where(p => p.CountyId.Length > 0).Select(p => p.CountyId).Distinct()
            .Select(county => grains.GetGrain<ICountyFundGrain>(county).PaceThroughAsync(watermark))
            .Concat(placements.Select(p => p.AllianceId).OfType<string>().Distinct()
                .Select(alliance => grains.GetGrain<IAllianceGrain>(alliance).PaceThroughAsync(watermark)));
        await Task.WhenAll(pools);
    }
}
