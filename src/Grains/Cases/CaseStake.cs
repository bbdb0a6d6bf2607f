using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Cases;

/// <summary>
/// What a finding put at stake, item by item, without overstating it. A split pair billed one episode as two DRG cases:
/// merged, the fund would have paid one case, so the readmission's fund paid is what the split added (not both stays').
/// An upcoded case was paid for a heavier group than its care supports: what upcoding added is the weight difference
/// between the claimed group and the ADRG's uncomplicated (severity-5) group, at the claim's own payment rate (fund paid
/// per weight point, 点值) — not the claim's whole fund paid. A low-threshold admission needed no bed at all: its fund
/// paid is what the admission added. A reversed claim puts nothing at stake.
/// </summary>
public static class CaseStake
{
    /// <summary>The line items an alert brings to a case. <paramref name="claims"/> are the ledger rows of its claims.</summary>
    public static CaseItem[] ItemsOf(Alert alert, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed)
    {
        var rows = claims.Where(e => e.Claim.Kind == ClaimKind.Settlement).DistinctBy(e => e.Claim.ClaimId)
            .ToDictionary(e => e.Claim.ClaimId, StringComparer.Ordinal);
        if (alert.ClaimIds.Length == 0)
        {
            return [];
        }

        if (AlertKinds.RestsOnClaims(alert.Kind))
        {
            var second = SecondStay(alert.ClaimIds, rows);
            var standing = alert.ClaimIds.All(id => !reversed.Contains(id));
            var atStake = standing && second is not null ? second.Movement.FundPaid : 0m;
            return [new CaseItem(alert.AlertId, alert.AlertId, alert.ClaimIds, DayOf(second, alert), atStake, CaseItemBasis.SecondStay)
            {
                Disposition = standing ? CaseItemDisposition.Pending : CaseItemDisposition.Withdrawn,
            }];
        }

        var lightWeights = alert.Kind == AlertKinds.Upcoding ? LightWeights(alert.EvidenceJson) : null;
        return [.. alert.ClaimIds.Distinct().Select(id =>
        {
            var row = rows.GetValueOrDefault(id);
            var stands = row is not null && !reversed.Contains(id);
            var (atStake, basis) = lightWeights is null
                ? (stands ? row!.Movement.FundPaid : 0m, CaseItemBasis.FundPaid)
                : (stands ? WeightAdded(row!.Claim.DrgWeight, lightWeights.GetValueOrDefault(id), row.Movement.FundPaid) : 0m, CaseItemBasis.WeightDifference);
            return new CaseItem(id, alert.AlertId, [id], DayOf(row, alert), atStake, basis)
            {
                Disposition = stands ? CaseItemDisposition.Pending : CaseItemDisposition.Withdrawn,
            };
        })];
    }

    /// <summary>
    /// What coding a case <paramref name="claimedWeight"/> instead of <paramref name="lightWeight"/> added to its
    /// <paramref name="fundPaid"/>: the weight difference at the claim's rate per weight point, to the fen; zero when the
    /// weights are unknown or the claimed group is not heavier.
    /// </summary>
    public static decimal WeightAdded(decimal? claimedWeight, decimal? lightWeight, decimal fundPaid) =>
        claimedWeight is { } w && w > 0 && lightWeight is { } light && light > 0 && w > light
            ? decimal.Round(fundPaid * (w - light) / w, 2, MidpointRounding.AwayFromZero)
            : 0m;

    /// <summary>The case's amount at stake: the sum over its items that stand.</summary>
    public static decimal Total(IEnumerable<CaseItem> items) => items.Where(i => i.Stands).Sum(i => i.AtStake);

    /// <summary>The readmission of a pair: the later admission (the alert lists the first stay first).</summary>
    private static LedgerEntry? SecondStay(string[] claimIds, Dictionary<string, LedgerEntry> rows)
    {
        var stays = claimIds.Select(rows.GetValueOrDefault).OfType<LedgerEntry>().ToList();
        return stays.Count == 0 ? null
            : stays.OrderBy(s => s.Claim.AdmissionDate ?? DateOnly.MinValue).ThenBy(s => Array.IndexOf(claimIds, s.Claim.ClaimId)).Last();
    }

    private static DateOnly DayOf(LedgerEntry? row, Alert alert) => BudgetClock.BudgetDate(row?.Claim.SettledAt ?? alert.AsOf);

    /// <summary>The uncomplicated group's weight per example claim, as the upcoding alert's evidence gives it.</summary>
    private static Dictionary<string, decimal> LightWeights(string evidenceJson)
    {
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(evidenceJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("heavyButLightExamples", out var examples) && examples.ValueKind == JsonValueKind.Array)
            {
                foreach (var example in examples.EnumerateArray())
                {
                    if (example.TryGetProperty("claimId", out var id) && id.ValueKind == JsonValueKind.String
                        && example.TryGetProperty("normWeight", out var weight) && weight.ValueKind == JsonValueKind.Number)
                    {
                        weights[id.GetString()!] = weight.GetDecimal();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Evidence that does not parse names no weights; the items then put nothing at stake rather than too much.
        }

        return weights;
    }
}
