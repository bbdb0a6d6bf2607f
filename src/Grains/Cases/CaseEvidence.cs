using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Cases;

/// <summary>
/// How a standing case takes in what happens to its findings after it opened. Inspectors work an institution, not a
/// pair: a new alert of the same kind about the same hospital while that hospital's case of the kind is undecided joins
/// that case as new line items rather than opening a second — for kinds that rest on their claims (split pairs) only
/// within the case's settlement month, so a case covers one hospital, kind and month. A withdrawn pair takes its item
/// out; the case falls only when none of its items stands. A reversed claim that a pattern case lists is recorded in its
/// history (the inspector sees it) and no longer counts as money at stake; the case stands, because the pattern rests on
/// the hospital's whole case mix, not on that example.
/// </summary>
public static class CaseEvidence
{
    /// <summary>Whether a new alert joins <paramref name="standing"/> rather than opening a case of its own.</summary>
    public static bool JoinsStanding(InspectionCase standing, Alert alert) =>
        CaseStatus.IsUndecided(standing.Status)
        && standing.Kind == alert.Kind
        && standing.HospitalId == alert.HospitalId
        && (!AlertKinds.RestsOnClaims(alert.Kind) || standing.Period == CaseOpening.PeriodOf(alert));

    /// <summary>
    /// The case with the joining alert, its new claims and items attached and one history line saying so; null when the
    /// alert is already on it (a replay). <paramref name="claims"/> are the ledger rows of the claims of case and alert
    /// together; the amount at stake is recomputed over the items that stand.
    /// </summary>
    public static InspectionCase? Escalate(
        InspectionCase standing, Alert alert, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed, DateTimeOffset now)
    {
        if (standing.AlertIds.Contains(alert.AlertId))
        {
            return null;
        }

        var newClaims = alert.ClaimIds.Where(id => !standing.ClaimIds.Contains(id)).ToArray();
        string[] allClaims = [.. standing.ClaimIds, .. newClaims];
        var pattern = !AlertKinds.RestsOnClaims(alert.Kind);
        var before = standing.Items.Length > 0 ? standing.Items : ItemsBeforeGrouping(standing, claims, reversed);
        var newItems = CaseStake.ItemsOf(alert, claims, reversed)
            .Where(i => before.All(s => s.ItemId != i.ItemId) && !(pattern && i.ClaimIds.All(standing.ClaimIds.Contains)))
            .ToArray();
        CaseItem[] items = [.. before, .. newItems];
        var atStake = CaseStake.Total(items);
        var next = standing with
        {
            AlertIds = [.. standing.AlertIds, alert.AlertId],
            ClaimIds = allClaims,
            Items = items,
            AmountAtStake = atStake,
            // A pattern's later alert says where it stands now; a month of pairs is as grave as its gravest pair.
            Severity = pattern ? Severity(alert) : MaxSeverity(standing.Severity, Severity(alert)),
        };
        return CaseWorkflow.Record(next, standing.Status, CaseActions.Escalate, CaseActor.System, now, null, atStake, [], isInternal: false,
            itemIds: [.. newItems.Select(i => i.ItemId)]);
    }

    /// <summary>
    /// The pattern case with one history line per listed claim newly reversed, its items withdrawn and the amount at stake
    /// recomputed without them; null when none of <paramref name="reversedClaimIds"/> is listed or each was recorded
    /// already (a replay).
    /// </summary>
    public static InspectionCase? NoteReversals(
        InspectionCase c, IReadOnlyCollection<string> reversedClaimIds, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed, DateTimeOffset now)
    {
        var fresh = reversedClaimIds
            .Where(id => c.ClaimIds.Contains(id) && !c.History.Any(h => h.Action == CaseActions.ClaimReversed && (h.ItemIds ?? []).Contains(id)))
            .Distinct()
            .ToList();
        if (fresh.Count == 0 || !CaseStatus.IsUndecided(c.Status))
        {
            return null;
        }

        var items = c.Items.Select(i => i.ClaimIds.Any(fresh.Contains) ? i with { Disposition = CaseItemDisposition.Withdrawn } : i).ToArray();
        var next = c with { Items = items };
        next = next with { AmountAtStake = StakeOf(next, claims, reversed) };
        foreach (var claimId in fresh)
        {
            next = CaseWorkflow.Record(next, c.Status, CaseActions.ClaimReversed, CaseActor.System, now, null, next.AmountAtStake, [], isInternal: false,
                itemIds: [claimId]);
        }

        return next;
    }

    /// <summary>
    /// A grouped case of pairs after some of its findings were withdrawn (or their claims reversed): those items
    /// withdrawn and one history line naming them, or the whole case withdrawn when none stands any more; null when none
    /// of its standing items is touched.
    /// </summary>
    public static InspectionCase? WithdrawItems(
        InspectionCase c, IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason, DateTimeOffset now)
    {
        if (!CaseStatus.IsUndecided(c.Status))
        {
            return null;
        }

        var falling = c.Items.Where(i => i.Stands && (alertIds.Contains(i.AlertId) || i.ClaimIds.Any(claimIds.Contains))).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        if (falling.Count == 0)
        {
            return null;
        }

        var items = c.Items.Select(i => falling.Contains(i.ItemId) ? i with { Disposition = CaseItemDisposition.Withdrawn } : i).ToArray();
        var next = c with { Items = items, AmountAtStake = CaseStake.Total(items) };
        return items.Any(i => i.Stands)
            ? CaseWorkflow.Record(next, c.Status, CaseActions.ItemWithdrawn, CaseActor.System, now, reason, next.AmountAtStake, [], isInternal: false,
                itemIds: [.. falling])
            : CaseWorkflow.Withdraw(next, reason, now);
    }

    /// <summary>Fund paid on the settlements among <paramref name="claimIds"/> that stand (not reversed).</summary>
    public static decimal AtStake(IReadOnlyCollection<string> claimIds, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed) =>
        claims
            .Where(e => e.Claim.Kind == ClaimKind.Settlement && claimIds.Contains(e.Claim.ClaimId) && !reversed.Contains(e.Claim.ClaimId))
            .DistinctBy(e => e.Claim.ClaimId)
            .Sum(e => e.Movement.FundPaid);

    /// <summary>The risk rank of a severity: critical above warning above notice.</summary>
    public static int RiskOf(string severity) => severity switch
    {
        "critical" => 3,
        "warning" => 2,
        "notice" => 1,
        _ => 0,
    };

    /// <summary>
    /// The items of a case stored before cases had line items: its claims as they were counted then (fund paid), one item
    /// per example, or one for a pair.
    /// </summary>
    private static CaseItem[] ItemsBeforeGrouping(InspectionCase c, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed)
    {
        var day = BudgetClock.BudgetDate(c.OpenedAt);
        return c.ClaimIds.Length == 0 ? []
            : AlertKinds.RestsOnClaims(c.Kind) ? [new CaseItem(c.AlertIds.FirstOrDefault() ?? c.CaseId, c.AlertIds.FirstOrDefault() ?? "", c.ClaimIds, day, AtStake(c.ClaimIds, claims, reversed), CaseItemBasis.FundPaid)]
            : [.. c.ClaimIds.Select(id => new CaseItem(id, c.AlertIds.FirstOrDefault() ?? "", [id], day, AtStake([id], claims, reversed), CaseItemBasis.FundPaid)
            {
                Disposition = reversed.Contains(id) ? CaseItemDisposition.Withdrawn : CaseItemDisposition.Pending,
            })];
    }

    /// <summary>What the case puts at stake: over its items, or (a case stored before line items) the fund paid on its claims.</summary>
    private static decimal StakeOf(InspectionCase c, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed) =>
        c.Items.Length > 0 ? CaseStake.Total(c.Items) : AtStake(c.ClaimIds, claims, reversed);

    private static string Severity(Alert alert) => alert.Severity.ToString().ToLowerInvariant();

    private static string MaxSeverity(string a, string b) => RiskOf(a) >= RiskOf(b) ? a : b;
}
