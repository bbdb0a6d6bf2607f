using Monitoring.Dispatch;
using Monitoring.Registry;

namespace Monitoring.Funds;

/// <summary>
/// Feeds the fund accounts from each admitted batch: every hospital's rows, folded to one <see cref="FundDelta"/>, go
/// to the hospital, its alliance and its county at once (each receiver counts a row once and fills its own gaps from
/// the ledger); then every account touched judges its pace up to the batch's latest settlement time — only then,
/// because before it a county may have heard from some hospitals and not others.
/// </summary>
public sealed class FundAccountsFeed(IGrainFactory grains) : ILedgerConsumer
{
    public string Name => "fund accounts";

    public async Task ConsumeAsync(AdmittedBatch batch)
    {
        var deltas = new Dictionary<(string Level, string Id), List<FundDelta>>();
        foreach (var (hospitalId, placement, rows) in batch.ByHospital())
        {
            var delta = FundDelta.Fold(hospitalId, [.. rows.Select(r => r.Movement)]);
            Add(FundLevel.Hospital, hospitalId, delta);

            // A reversal may name a hospital that a later registry dropped: its own account still counts it.
            if (placement is not null)
            {
                Add(FundLevel.County, placement.CountyId, delta);
                if (placement.AllianceId is { } allianceId)
                {
                    Add(FundLevel.Alliance, allianceId, delta);
                }
            }
        }

        await Task.WhenAll(deltas.Select(d => grains.GetFundAccount(d.Key.Level, d.Key.Id).AbsorbAsync([.. d.Value])));
        await Task.WhenAll(deltas.Keys.Select(k => grains.GetFundAccount(k.Level, k.Id).PaceThroughAsync(batch.Watermark)));

        void Add(string level, string id, FundDelta delta)
        {
            if (!deltas.TryGetValue((level, id), out var list))
            {
                deltas[(level, id)] = list = [];
            }

            list.Add(delta);
        }
    }
}
