using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Ledger;

namespace Monitoring.Cases;

/// <summary>
/// Opens cases on alerts (by themselves for the kinds in <see cref="CasesOptions.AutoOpenKinds"/>, or at a person's
/// request) and withdraws the undecided cases whose finding was withdrawn. Each opening and each withdrawal is pushed.
/// </summary>
public sealed partial class CaseOpener(
    ICaseStore store,
    IAlertStore alerts,
    IClaimsLedger ledger,
    ICaseNotices notices,
    IOptions<CasesOptions> options,
    SettlementClock clock,
    ILogger<CaseOpener> logger)
{
    public IReadOnlyList<string> AutoOpenKinds => options.Value.EffectiveAutoOpenKinds;

    /// <summary>
    /// Opens the case of this alert, or returns the one already open on it. Opened by the system (a finding), an alert
    /// joins the undecided case of its hospital and kind (and, for a split pair, settlement month) instead, if there is
    /// one (<see cref="CaseEvidence"/>). A finding's case is stamped with the finding's settlement time; a person's, with
    /// the settlement clock's now.
    /// </summary>
    public async Task<(InspectionCase Case, bool Opened)> OpenAsync(Alert alert, CaseActor by, string? note = null, CancellationToken cancellationToken = default)
    {
        var caseId = CaseOpening.CaseIdOf(alert.AlertId);
        if (await store.GetAsync(caseId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        // A replayed alert that joined a case (since decided, perhaps) keeps that case: the stored alert says which.
        if (await alerts.FindAsync(alert.AlertId, cancellationToken) is { CaseId: { } known } && await store.GetAsync(known, cancellationToken) is { } joinedBefore)
        {
            return (joinedBefore, false);
        }

        if (by == CaseActor.System && await JoinStandingAsync(alert, cancellationToken) is { } joined)
        {
            return (joined, false);
        }

        var claims = await ledger.ReadClaimsAsync(alert.ClaimIds, cancellationToken);
        var reversed = claims.Where(c => c.ReversedBy is not null).Select(c => c.Entry.Claim.ClaimId).ToHashSet(StringComparer.Ordinal);
        var now = by == CaseActor.System ? alert.AsOf : await clock.NowAsync(cancellationToken);
        var opened = CaseOpening.Open(alert, [.. claims.Select(c => c.Entry)], reversed, by, note, now, options.Value.Rules);
        var (stored, added) = await store.AddAsync(opened, cancellationToken);
        if (added)
        {
            LogOpened(logger, stored.CaseId, stored.Kind, stored.HospitalId, stored.AmountAtStake, by.Name);
            notices.CaseChanged(CaseNotice.Of(stored, CaseActions.Opened, now));
        }

        return (stored, added);
    }

    /// <summary>
    /// Closes as withdrawn every undecided case resting on these alerts, or on these claims when its kind rests on its
    /// claims (<see cref="AlertKinds.RestingOnClaims"/>); an undecided pattern case listing a reversed claim stands and
    /// records the reversal in its history.
    /// </summary>
    public async Task WithdrawAsync(IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason, CancellationToken cancellationToken = default)
    {
        foreach (var standing in await store.UndecidedRestingOnAsync(alertIds, claimIds, cancellationToken))
        {
            var falls = standing.AlertIds.Any(alertIds.Contains) || AlertKinds.RestsOnClaims(standing.Kind);
            // Re-read and retry on a concurrent change: a withdrawal must not be lost because an inspector acted meanwhile.
            for (var current = standing; current is not null; current = await store.GetAsync(current.CaseId, cancellationToken))
            {
                var now = await clock.NowAsync(cancellationToken);
                // A month's case of pairs loses the withdrawn pairs only; it falls with the last of them.
                if (AlertKinds.RestsOnClaims(current.Kind) && current.Items.Length > 0)
                {
                    if (await SaveChangeAsync(current, CaseEvidence.WithdrawItems(current, alertIds, claimIds, reason, now), now, cancellationToken) is not false)
                    {
                        break;
                    }

                    continue;
                }

                if (!falls)
                {
                    if (await NoteReversalsAsync(current, claimIds, now, cancellationToken) is not false)
                    {
                        break;
                    }

                    continue;
                }

                if (CaseWorkflow.Withdraw(current, reason, now) is not { } withdrawn)
                {
                    break;
                }

                if (await store.SaveAsync(withdrawn, current.Version, cancellationToken))
                {
                    LogWithdrawn(logger, withdrawn.CaseId, reason);
                    notices.CaseChanged(CaseNotice.Of(withdrawn, CaseActions.Withdraw, now));
                    break;
                }
            }
        }
    }

    /// <summary>Stores a system change of a case and pushes it: true when saved, null when there was none, false when someone changed the case first.</summary>
    private async Task<bool?> SaveChangeAsync(InspectionCase current, InspectionCase? changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (changed is null)
        {
            return null;
        }

        if (!await store.SaveAsync(changed, current.Version, cancellationToken))
        {
            return false;
        }

        var action = changed.History[^1].Action;
        if (action == CaseActions.Withdraw)
        {
            LogWithdrawn(logger, changed.CaseId, changed.History[^1].Note ?? "");
        }

        notices.CaseChanged(CaseNotice.Of(changed, action, now));
        return true;
    }

    /// <summary>True when saved, null when there was nothing to record, false when someone changed the case first.</summary>
    private async Task<bool?> NoteReversalsAsync(InspectionCase current, IReadOnlyCollection<string> claimIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (rows, reversed) = await ClaimsOfAsync(current.ClaimIds, cancellationToken);
        if (CaseEvidence.NoteReversals(current, claimIds, rows, reversed, now) is not { } noted)
        {
            return null;
        }

        if (!await store.SaveAsync(noted, current.Version, cancellationToken))
        {
            return false;
        }

        LogReversalNoted(logger, noted.CaseId, noted.AmountAtStake);
        notices.CaseChanged(CaseNotice.Of(noted, CaseActions.ClaimReversed, now));
        return true;
    }

    /// <summary>
    /// The undecided case of the alert's hospital and kind (a pair's: and settlement month), with the alert joined to it;
    /// null when there is none to join.
    /// </summary>
    private async Task<InspectionCase?> JoinStandingAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (alert.HospitalId is null)
        {
            return null;
        }

        var period = AlertKinds.RestsOnClaims(alert.Kind) ? CaseOpening.PeriodOf(alert) : null;

        foreach (var status in (string[])[CaseStatus.Open, CaseStatus.Assigned, CaseStatus.AwaitingHospital, CaseStatus.UnderReview])
        {
            var page = await store.QueryAsync(new CaseQuery(EveryCase, Status: status, HospitalId: alert.HospitalId, Kind: alert.Kind, Limit: 1, Period: period), cancellationToken);
            if (page.Count == 0)
            {
                continue;
            }

            // Re-read and retry on a concurrent change: the new evidence must not be lost because an inspector acted meanwhile.
            for (var current = await store.GetAsync(page[0].CaseId, cancellationToken); current is not null; current = await store.GetAsync(current.CaseId, cancellationToken))
            {
                if (!CaseEvidence.JoinsStanding(current, alert))
                {
                    break;
                }

                var (rows, reversed) = await ClaimsOfAsync([.. current.ClaimIds, .. alert.ClaimIds], cancellationToken);
                var now = alert.AsOf;
                if (CaseEvidence.Escalate(current, alert, rows, reversed, now) is not { } escalated)
                {
                    return current;
                }

                if (await store.SaveAsync(escalated, current.Version, cancellationToken))
                {
                    LogEscalated(logger, escalated.CaseId, alert.AlertId, escalated.AmountAtStake);
                    notices.CaseChanged(CaseNotice.Of(escalated, CaseActions.Escalate, now));
                    return escalated with { Version = current.Version + 1 };
                }
            }
        }

        return null;
    }

    /// <summary>The store's reads are scoped; the system looks across all of them to find a finding's standing case.</summary>
    private static readonly AccessScope EveryCase = new(AccessScope.Admin, ScopeKind.All, null);

    private async Task<(IReadOnlyList<LedgerEntry> Rows, IReadOnlySet<string> Reversed)> ClaimsOfAsync(IReadOnlyList<string> claimIds, CancellationToken cancellationToken)
    {
        var claims = await ledger.ReadClaimsAsync([.. claimIds.Distinct()], cancellationToken);
        return ([.. claims.Select(c => c.Entry)], claims.Where(c => c.ReversedBy is not null).Select(c => c.Entry.Claim.ClaimId).ToHashSet(StringComparer.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} opened ({Kind}) against {HospitalId}, {AmountAtStake} yuan at stake, by {By}")]
    private static partial void LogOpened(ILogger logger, string caseId, string kind, string hospitalId, decimal amountAtStake, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} took in alert {AlertId} of the same finding; {AmountAtStake} yuan now at stake")]
    private static partial void LogEscalated(ILogger logger, string caseId, string alertId, decimal amountAtStake);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: a claim it lists was reversed; it stands, {AmountAtStake} yuan now at stake")]
    private static partial void LogReversalNoted(ILogger logger, string caseId, decimal amountAtStake);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} withdrawn: {Reason}")]
    private static partial void LogWithdrawn(ILogger logger, string caseId, string reason);
}
