using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Cases;

/// <summary>
/// How a standing case takes in what happens to its finding after it opened. One finding, one case: a new alert of the
/// same kind about the same hospital while that hospital's case of the kind is undecided (the finding escalated, or was
/// judged again on new claims) joins that case rather than opening a second — except for kinds that rest on their claims
/// (a split-hospitalization pair is its own finding, one case per pair). A reversed claim that a pattern case lists is
/// recorded in its history (the inspector sees it) and no longer counts as money at stake; the case stands, because the
/// pattern rests on the hospital's whole case mix, not on that example.
/// </summary>
public static class CaseEvidence
{
    /// <summary>Whether a new alert joins <paramref name="standing"/> rather than opening a case of its own.</summary>
    public static bool JoinsStanding(InspectionCase standing, Alert alert) =>
        !AlertKinds.RestsOnClaims(alert.Kind)
        && CaseStatus.IsUndecided(standing.Status)
        && standing.Kind == alert.Kind
        && standing.HospitalId == alert.HospitalId;

    /// <summary>
    /// The case with the escalating alert and its new claims attached and one history line saying so; null when the
    /// alert is already on it (a replay). <paramref name="claims"/> are the ledger rows of the claims of case and alert
    /// together; the amount at stake is recomputed as the fund paid on those that stand.
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
        var atStake = AtStake(allClaims, claims, reversed);
        var note = $"预警 {alert.AlertId} 为同一问题的新进展（新增 {newClaims.Length} 份结算，涉及金额 ¥{atStake}）/ alert {alert.AlertId} escalates the same finding "
            + $"({newClaims.Length} new claims; ¥{atStake} now at stake)";
        var next = standing with
        {
            AlertIds = [.. standing.AlertIds, alert.AlertId],
            ClaimIds = allClaims,
            AmountAtStake = atStake,
            Severity = alert.Severity.ToString().ToLowerInvariant(),
        };
        return CaseWorkflow.Record(next, standing.Status, CaseActions.Escalate, CaseActor.System, now, note, atStake, [], isInternal: false);
    }

    /// <summary>
    /// The pattern case with one history line per listed claim newly reversed and the amount at stake recomputed without
    /// them; null when none of <paramref name="reversedClaimIds"/> is listed or each was recorded already (a replay).
    /// </summary>
    public static InspectionCase? NoteReversals(
        InspectionCase c, IReadOnlyCollection<string> reversedClaimIds, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed, DateTimeOffset now)
    {
        var fresh = reversedClaimIds
            .Where(id => c.ClaimIds.Contains(id) && !c.History.Any(h => h.Action == CaseActions.ClaimReversed && h.Note?.StartsWith(id + ":", StringComparison.Ordinal) == true))
            .Distinct()
            .ToList();
        if (fresh.Count == 0 || !CaseStatus.IsUndecided(c.Status))
        {
            return null;
        }

        var next = c with { AmountAtStake = AtStake(c.ClaimIds, claims, reversed) };
        foreach (var claimId in fresh)
        {
            var note = $"{claimId}: 案件所列结算已被冲销，不再计入涉及金额；问题基于该院整体病例，案件继续 / a claim this case lists was reversed and no longer "
                + "counts as money at stake; the finding rests on the hospital's case mix, so the case stands";
            next = CaseWorkflow.Record(next, c.Status, CaseActions.ClaimReversed, CaseActor.System, now, note, next.AmountAtStake, [], isInternal: false);
        }

        return next;
    }

    /// <summary>Fund paid on the settlements among <paramref name="claimIds"/> that stand (not reversed).</summary>
    public static decimal AtStake(IReadOnlyCollection<string> claimIds, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed) =>
        claims
            .Where(e => e.Claim.Kind == ClaimKind.Settlement && claimIds.Contains(e.Claim.ClaimId) && !reversed.Contains(e.Claim.ClaimId))
            .DistinctBy(e => e.Claim.ClaimId)
            .Sum(e => e.Movement.FundPaid);
}
