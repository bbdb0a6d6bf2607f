using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Ledger;
using Monitoring.Publishing;

namespace Monitoring.Cases;

/// <summary>
/// Where people work cases: receive a request, ask <see cref="CaseWorkflow"/>, store the move (only from the version
/// read), book its money, push the notice. A decision is stored before its money is booked; should the process die or
/// the ledger fail in between, the bookings check (at start-up and then periodically) books it (<see cref="RecoveryLedger"/>
/// is idempotent), so a decision and its booking never part for good.
/// </summary>
public sealed partial class CaseDesk(
    ICaseStore store,
    IAlertStore alerts,
    IPublisher publisher,
    CaseOpener opener,
    RecoveryLedger money,
    ICaseNotices notices,
    IOptions<CasesOptions> options,
    SettlementClock clock,
    ILogger<CaseDesk> logger)
{
    public CaseRules Rules => options.Value.Rules;

    /// <summary>The case as the caller may read it, or null when there is none in its scope.</summary>
    public async Task<InspectionCase?> GetAsync(string caseId, AccessScope scope, CancellationToken cancellationToken = default) =>
        await store.GetAsync(caseId, cancellationToken) is { } c && CaseAccess.CanSee(scope, c) ? c : null;

    /// <summary>Moves a case on a person's request; null when there is no such case in the person's scope.</summary>
    public async Task<CaseMove?> ActAsync(string caseId, CaseCommand command, CaseActor actor, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(caseId, actor.Scope, cancellationToken) is not { } current)
        {
            return null;
        }

        // The work is stamped in settlement time, the clock the board and the findings run on.
        var now = await clock.NowAsync(cancellationToken);
        var settlementNow = command.Action is CaseActions.Confirm or CaseActions.DecideAppeal
            ? await money.SettlementNowAsync(current.HospitalId, cancellationToken)
            : now;
        var move = CaseWorkflow.Apply(current, command, actor, now, settlementNow, Rules);
        if (move.Kind != CaseMoveKind.Moved)
        {
            return move;
        }

        if (!await store.SaveAsync(move.Case!, current.Version, cancellationToken))
        {
            var fresh = await store.GetAsync(caseId, cancellationToken);
            return CaseMove.Refused($"case {caseId} was changed by someone else meanwhile; read it again and decide anew (案件已被他人更新，请刷新)",
                fresh is null ? [] : CaseWorkflow.AllowedActions(fresh, actor, now, Rules));
        }

        var moved = move.Case! with { Version = current.Version + 1 };
        if (move.Booking is { } booking)
        {
            try
            {
                await money.BookAsync(moved, CancellationToken.None);
                LogBooked(logger, moved.CaseId, booking.LedgerId, booking.FundPaid, moved.HospitalId);
            }
            catch (Exception e)
            {
                // The decision stands (it is stored); the periodic bookings check books its money once the ledger answers.
                LogBookingFailed(logger, e, moved.CaseId, booking.LedgerId);
            }
        }

        if (CaseResolution.ReasonFor(moved, command.Action, command.Outcome) is { } resolution)
        {
            try
            {
                await publisher.ResolveByCaseAsync(moved.AlertIds, resolution);
            }
            catch (Exception e)
            {
                // The decision stands (it is stored); the alerts read as before until the next decision on the case.
                LogResolveFailed(logger, e, moved.CaseId);
            }
        }

        LogMoved(logger, moved.CaseId, command.Action, current.Status, moved.Status, actor.Name);
        // An internal note changes nothing anyone else sees, and its notice would tell the hospital one was written.
        if (command.Action != CaseActions.Note)
        {
            notices.CaseChanged(CaseNotice.Of(moved, command.Action, now));
        }
        return move with { Case = moved };
    }

    /// <summary>
    /// Opens a case by hand on an alert the caller may see (<paramref name="inScope"/>): inspectors and regulators only;
    /// one case per alert.
    /// </summary>
    public async Task<CaseOpenOutcome> OpenOnAlertAsync(
        string alertId, CaseActor actor, string? note, Func<Alert, bool> inScope, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (AccessScope.Inspector or AccessScope.Regulator))
        {
            return new CaseOpenOutcome(null, false, 403, $"role {actor.Role} may not open cases; inspectors and regulators may (仅稽核人员和监管人员可立案)");
        }

        if (await alerts.FindAsync(alertId, cancellationToken) is not { } alert || !inScope(alert))
        {
            return CaseOpenOutcome.NotFound(alertId);
        }

        var caseId = CaseOpening.CaseIdOf(alert.AlertId);
        if (alert.CaseId is { } existing && existing != caseId)
        {
            return new CaseOpenOutcome(null, false, 409, $"alert {alertId} already has case {existing} (该预警已立案 {existing})");
        }

        if (alert.CaseId is null && CaseOpening.Refusal(alert) is { } refusal)
        {
            return new CaseOpenOutcome(null, false, 400, refusal);
        }

        var (opened, isNew) = await opener.OpenAsync(alert, actor, note?.Trim() is { Length: > 0 } text ? text : null, cancellationToken);
        await alerts.SetCaseAsync(alert.AlertId, opened.CaseId, cancellationToken);
        return isNew
            ? new CaseOpenOutcome(opened, true, 201, null)
            : new CaseOpenOutcome(opened, false, 409, $"alert {alertId} already has case {opened.CaseId} (该预警已立案 {opened.CaseId})");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: {Action} moved it from {From} to {To} ({Actor})")]
    private static partial void LogMoved(ILogger logger, string caseId, string action, string from, string to, string actor);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId} was decided but its alerts could not be resolved")]
    private static partial void LogResolveFailed(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId}: booking {LedgerId} failed; the bookings check will book it")]
    private static partial void LogBookingFailed(ILogger logger, Exception exception, string caseId, string ledgerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} booked {LedgerId}: {FundPaid} yuan of fund pay at {HospitalId}")]
    private static partial void LogBooked(ILogger logger, string caseId, string ledgerId, decimal fundPaid, string hospitalId);
}
