using System.Collections.Concurrent;
using Monitoring.Claims;
using Monitoring.Dispatch;
using Monitoring.Registry;

namespace Monitoring.Funds;

/// <summary>
/// Feeds the fund accounts from each admitted batch: every hospital's rows, folded to one <see cref="FundDelta"/>, go
/// to the hospital, its alliance and its county at once (each receiver counts a row once and fills its own gaps from
/// the ledger); then accounts judge their pace up to the batch's latest settlement time — only then, because before
/// it a county may have heard from some hospitals and not others. Every account touched is judged; and when a
/// county's settlement time passes a day, every account of that county is judged for it, touched or not, so a fund
/// with no new claims still falls behind, escalates or clears as the year goes by.
/// </summary>
public sealed class FundAccountsFeed(IGrainFactory grains, RegistryCatalog registry) : ILedgerConsumer
{
    /// <summary>
    /// The settlement day each county was last judged in full on this silo. Only saves calls: an account judges a
    /// day once whoever asks, so another silo, or this one after a restart, asking again changes nothing.
    /// </summary>
    private readonly ConcurrentDictionary<string, DateOnly> _countyDay = new(StringComparer.Ordinal);

    public string Name => "fund accounts";

    public bool ActsBeforeReply => true;

    public async Task ConsumeAsync(AdmittedBatch batch)
    {
        var deltas = new Dictionary<(string Level, string Id), List<FundDelta>>();
        var counties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hospitalId, placement, rows) in batch.ByHospital())
        {
            var delta = FundDelta.Fold(hospitalId, [.. rows.Select(r => r.Movement)]);
            Add(FundLevel.Hospital, hospitalId, delta);

            // A reversal may name a hospital that a later registry dropped: its own account still counts it.
            if (placement is not null)
            {
                counties.Add(placement.CountyId);
                Add(FundLevel.County, placement.CountyId, delta);
                if (placement.AllianceId is { } allianceId)
                {
                    Add(FundLevel.Alliance, allianceId, delta);
                }
            }
        }

        await Task.WhenAll(deltas.Select(d => grains.GetFundAccount(d.Key.Level, d.Key.Id).AbsorbAsync([.. d.Value])));

        var judged = new HashSet<(string Level, string Id)>(deltas.Keys);
        var day = BudgetClock.BudgetDate(batch.Watermark);
        var passedADay = counties.Where(c => _countyDay.TryGetValue(c, out var last) ? last < day : true).ToList();
        if (passedADay.Count > 0)
        {
            var current = await registry.CurrentAsync();
            foreach (var countyId in passedADay)
            {
                judged.UnionWith(AccountsOf(current, countyId));
            }
        }

        await Task.WhenAll(judged.Select(k => grains.GetFundAccount(k.Level, k.Id).PaceThroughAsync(batch.Watermark)));
        foreach (var countyId in passedADay)
        {
            _countyDay.AddOrUpdate(countyId, day, (_, last) => last > day ? last : day);
        }

        void Add(string level, string id, FundDelta delta)
        {
            if (!deltas.TryGetValue((level, id), out var list))
            {
                deltas[(level, id)] = list = [];
            }

            list.Add(delta);
        }
    }

    /// <summary>Every budgeted account of a county: the county fund, its alliances, its hospitals.</summary>
    private static IEnumerable<(string Level, string Id)> AccountsOf(FundRegistry registry, string countyId)
    {
        if (!registry.Counties.TryGetValue(countyId, out var entry))
        {
            yield break;
        }

        yield return (FundLevel.County, countyId);
        foreach (var alliance in entry.County.Alliances)
        {
            yield return (FundLevel.Alliance, alliance.AllianceId);
        }

        foreach (var hospital in entry.County.Hospitals.Where(h => h.AnnualBudget is > 0))
        {
            yield return (FundLevel.Hospital, hospital.HospitalId);
        }
    }
}
