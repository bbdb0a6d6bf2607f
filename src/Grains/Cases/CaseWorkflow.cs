using Monitoring.Claims;
using Monitoring.Access;

namespace Monitoring.Cases;

/// <summary>
/// The inspection workflow as a pure rule: which moves a person may make on a case now, and what each move makes of it.
/// <code>
/// open ─take/assign→ assigned ─ask-hospital→ awaiting-hospital ─answer→ under-review ─confirm→ confirmed ─appeal→ appealed
///                       └──────review──────────────┴──review→ under-review ─dismiss→ dismissed        decide-appeal: uphold → confirmed
///                                                                                                                    overturn → dismissed
/// </code>
/// An inspector of the case's scope takes an open case; reassigning it (assign) is its owner's move or a supervisor's —
/// a regulator of its scope or an inspector of its region, the level above the county's inspectors — so that "only the
/// owner decides" cannot be bypassed by assigning oneself. Only its owner asks the hospital, reviews and decides; only the hospital answers and appeals, once, within the appeal period; the appeal is
/// decided at the level above the decision (a county inspector's by a region inspector, a region inspector's by the
/// admin). Every move adds one history line; a confirmation books the recovery (追回) and an overturned confirmation
/// books it back.
/// </summary>
public static class CaseWorkflow
{
    private const int MaxNote = 4000;
    private const int MaxDocuments = 20;
    private const int MaxDocumentLength = 300;
    private const int MaxName = 100;

    /// <summary>The moves <paramref name="actor"/> may make on the case now.</summary>
    public static IReadOnlyList<string> AllowedActions(InspectionCase c, CaseActor actor, DateTimeOffset now, CaseRules rules) =>
        [.. CaseActions.Requestable.Where(action => Permits(c, action, actor, now, rules))];

    /// <summary>
    /// Applies one request. <paramref name="settlementNow"/> is the settlement time a recovery is booked at (the ledger's
    /// clock, which may differ from the wall clock <paramref name="now"/> of the work).
    /// </summary>
    public static CaseMove Apply(InspectionCase c, CaseCommand command, CaseActor actor, DateTimeOffset now, DateTimeOffset settlementNow, CaseRules rules)
    {
        var allowed = AllowedActions(c, actor, now, rules);
        if (!CaseActions.Requestable.Contains(command.Action))
        {
            return CaseMove.Invalid(
                $"unknown action \"{command.Action}\"; actions are {string.Join(", ", CaseActions.Requestable)} (未知操作)", allowed);
        }

        if (!allowed.Contains(command.Action))
        {
            return CaseMove.Refused(RefusalOf(c, command.Action, actor, now, rules), allowed);
        }

        if (Problem(c, command) is { } problem)
        {
            return CaseMove.Invalid(problem, allowed);
        }

        var note = command.Note?.Trim() is { Length: > 0 } text ? text : null;
        var documents = command.Documents?.Select(d => d.Trim()).Where(d => d.Length > 0).ToArray() ?? [];
        return command.Action switch
        {
            CaseActions.Take => Moved(c with { Owner = actor.Name, Status = CaseStatus.Assigned }, assignee: actor.Name),
            CaseActions.Assign => Moved(c with
            {
                Owner = command.Assignee!.Trim(),
                Status = c.Status == CaseStatus.Open ? CaseStatus.Assigned : c.Status,
            }, assignee: command.Assignee!.Trim()),
            CaseActions.AskHospital => Moved(c with { Status = CaseStatus.AwaitingHospital, AnswerDueAt = now + rules.AnswerPeriod }),
            CaseActions.Answer => Moved(c with { Status = CaseStatus.UnderReview, AnswerDueAt = null }),
            CaseActions.Review => Moved(c with { Status = CaseStatus.UnderReview, AnswerDueAt = null }),
            CaseActions.Confirm => Confirm(),
            CaseActions.Dismiss => Moved(c with
            {
                Status = CaseStatus.Dismissed,
                ClosedAt = now,
                Decision = new CaseDecision(CaseStatus.Dismissed, 0m, note!, actor.Name, actor.Scope.ScopeText, now),
            }),
            CaseActions.Appeal => Moved(c with { Status = CaseStatus.Appealed, Appeal = new CaseAppeal(now, actor.Name, note!, documents) }),
            CaseActions.DecideAppeal => DecideAppeal(),
            CaseActions.DisposeItem => DisposeItem(),
            CaseActions.Sample => Sample(),
            _ => Moved(c),
        };

        // The owner's working view of the items: internal until the case is decided, when the decision speaks for them.
        CaseMove DisposeItem()
        {
            var confirm = command.Outcome == CaseActions.ConfirmItem;
            var item = c.Items.First(i => i.ItemId == command.ItemId);
            var amount = confirm ? command.Amount ?? item.AtStake : (decimal?)null;
            var items = c.Items.Select(i => i.ItemId != item.ItemId ? i : i with
            {
                Disposition = confirm ? CaseItemDisposition.Confirmed : CaseItemDisposition.Dismissed,
                Amount = amount,
            }).ToArray();
            return CaseMove.Moved(Record(c with { Items = items, AmountAtStake = CaseStake.Total(items) }, c.Status, command.Action, actor, now, note,
                amount, documents, isInternal: true, outcome: command.Outcome, itemIds: [item.ItemId]));
        }

        CaseMove Sample()
        {
            var sample = command.Sample!.Method == CaseSampling.Random ? command.Sample with { Seed = command.Sample.Seed ?? CaseSampling.SeedFor(c) } : command.Sample;
            var drawn = CaseSampling.Draw(c.Items, sample).ToHashSet(StringComparer.Ordinal);
            var items = c.Items.Select(i => i with { Sampled = drawn.Contains(i.ItemId) }).ToArray();
            return CaseMove.Moved(Record(c with { Items = items }, c.Status, command.Action, actor, now, note, null, documents, isInternal: true,
                itemIds: [.. items.Where(i => i.Sampled).Select(i => i.ItemId)], sample: sample));
        }

        CaseMove Confirm()
        {
            // Without an amount, the decision recovers what the owner confirmed item by item.
            var amount = command.Amount ?? ConfirmedOnItems(c);
            var booking = new LedgerBooking(LedgerIdOf(c.CaseId, c.Bookings.Length + 1), -amount, settlementNow, "recovery");
            return Moved(c with
            {
                Status = CaseStatus.Confirmed,
                ClosedAt = now,
                Decision = new CaseDecision(CaseStatus.Confirmed, amount, note ?? "", actor.Name, actor.Scope.ScopeText, now),
                Bookings = [.. c.Bookings, booking],
            }, amount: amount, booking: booking);
        }

        CaseMove DecideAppeal()
        {
            var appeal = c.Appeal! with { DecidedAt = now, DecidedBy = actor.Name, Outcome = command.Outcome, DecisionReason = note };
            if (command.Outcome == CaseActions.Uphold)
            {
                return Moved(c with { Status = CaseStatus.Confirmed, Appeal = appeal, ClosedAt = now }, outcome: command.Outcome);
            }

            // Overturned: what the decision recovered goes back to the hospital, as the opposite movement.
            var refund = c.Recovered;
            var booking = refund == 0 ? null : new LedgerBooking(LedgerIdOf(c.CaseId, c.Bookings.Length + 1), refund, settlementNow, "appeal-overturned");
            return Moved(c with
            {
                Status = CaseStatus.Dismissed,
                Appeal = appeal,
                ClosedAt = now,
                Bookings = booking is null ? c.Bookings : [.. c.Bookings, booking],
            }, amount: refund, booking: booking, outcome: command.Outcome);
        }

        CaseMove Moved(InspectionCase next, decimal? amount = null, LedgerBooking? booking = null, string? assignee = null, string? outcome = null) =>
            CaseMove.Moved(Record(next, c.Status, command.Action, actor, now, note, amount, documents, CaseActions.IsInternal(command.Action), assignee, outcome), booking);
    }

    /// <summary>The system closes an undecided case whose finding no longer holds; null when there is nothing to close.</summary>
    public static InspectionCase? Withdraw(InspectionCase c, string reason, DateTimeOffset now) =>
        CaseStatus.IsUndecided(c.Status)
            ? Record(c with { Status = CaseStatus.Withdrawn, ClosedAt = now, AnswerDueAt = null }, c.Status, CaseActions.Withdraw,
                CaseActor.System, now, reason, null, [], isInternal: false)
            : null;

    /// <summary>The ledger id of a case's n-th booking: fixed by the case, so booking it twice books it once.</summary>
    public static string LedgerIdOf(string caseId, int n) => $"{ReservedClaimIds.RecoveryPrefix}{caseId}/{n}";

    /// <summary>Adds one history line for a move already made.</summary>
    public static InspectionCase Record(
        InspectionCase next, string from, string action, CaseActor actor, DateTimeOffset now, string? note, decimal? amount,
        string[] documents, bool isInternal, string? assignee = null, string? outcome = null, string[]? itemIds = null, CaseSample? sample = null)
    {
        var entry = new CaseEntry(next.History.Length + 1, now, actor.Name, actor.Role, actor.Scope.ScopeText, action, from, next.Status,
            note, amount, documents, isInternal, assignee, outcome, itemIds, sample);
        return next with { History = [.. next.History, entry] };
    }

    private static bool Permits(InspectionCase c, string action, CaseActor actor, DateTimeOffset now, CaseRules rules)
    {
        if (!CaseAccess.CanSee(actor.Scope, c))
        {
            return false;
        }

        var isOwner = actor.IsInspector && c.Owner == actor.Name;
        var worksCases = actor.IsInspector || actor.Role == AccessScope.Regulator;
        return action switch
        {
            CaseActions.Take => actor.IsInspector && c.Status == CaseStatus.Open,
            CaseActions.Assign => (isOwner || IsSupervisor(actor)) && CaseStatus.IsUndecided(c.Status),
            CaseActions.AskHospital => isOwner && c.Status is CaseStatus.Assigned or CaseStatus.UnderReview,
            CaseActions.Answer => actor.IsHospital && c.Status == CaseStatus.AwaitingHospital,
            CaseActions.Review => isOwner && c.Status is CaseStatus.Assigned or CaseStatus.AwaitingHospital,
            CaseActions.Confirm or CaseActions.Dismiss => isOwner && c.Status == CaseStatus.UnderReview,
            CaseActions.Appeal => actor.IsHospital && c.Status == CaseStatus.Confirmed && c.Appeal is null
                && c.Decision is { } decision && now <= decision.At + rules.AppealPeriod,
            CaseActions.DecideAppeal => c.Status == CaseStatus.Appealed && c.Decision is { } decided && IsLevelAbove(actor, decided),
            CaseActions.Note => worksCases,
            CaseActions.DisposeItem => isOwner && c.Status is CaseStatus.Assigned or CaseStatus.AwaitingHospital or CaseStatus.UnderReview && c.Items.Length > 0,
            CaseActions.Sample => isOwner && c.Status is CaseStatus.Assigned or CaseStatus.AwaitingHospital or CaseStatus.UnderReview && c.Items.Length > 0,
            _ => false,
        };
    }

    /// <summary>
    /// Who may give a case to an inspector whatever its owner: a regulator of its scope, or an inspector of its region
    /// (one level above the county's inspectors). Scope is checked before (<see cref="CaseAccess.CanSee"/>).
    /// </summary>
    private static bool IsSupervisor(CaseActor actor) =>
        actor.Role == AccessScope.Regulator || (actor.IsInspector && actor.Scope.Kind == ScopeKind.Region);

    /// <summary>An appeal is reviewed one level above the decision: a county's by its region's inspectors, a region's by the admin.</summary>
    private static bool IsLevelAbove(CaseActor actor, CaseDecision decision) =>
        decision.ByScope.StartsWith("county:", StringComparison.Ordinal)
            ? actor.IsInspector && actor.Scope.Kind == ScopeKind.Region
            : actor.Role == AccessScope.Admin;

    private static string RefusalOf(InspectionCase c, string action, CaseActor actor, DateTimeOffset now, CaseRules rules)
    {
        var why = action switch
        {
            CaseActions.Appeal when c.Appeal is not null => "the hospital has already appealed once (每个案件只能申诉一次)",
            CaseActions.Appeal when c.Status == CaseStatus.Confirmed && c.Decision is { } d && now > d.At + rules.AppealPeriod =>
                $"the appeal period of {rules.AppealPeriod.TotalDays:0} days ended on {(d.At + rules.AppealPeriod):yyyy-MM-dd} (申诉期已过)",
            CaseActions.DecideAppeal when c.Status == CaseStatus.Appealed =>
                "an appeal is decided one level above the decision: a county inspector's by a region inspector (申诉由上一级复核)",
            CaseActions.Assign when actor.IsInspector && c.Owner != actor.Name && CaseStatus.IsUndecided(c.Status) =>
                "a case is given to an inspector by its owner or a supervisor (a regulator, or an inspector of the region); take an open case instead (改派须由承办人或上级办理)",
            CaseActions.AskHospital or CaseActions.Review or CaseActions.Confirm or CaseActions.Dismiss
                when actor.IsInspector && c.Owner != actor.Name && CaseStatus.IsUndecided(c.Status) =>
                "only the inspector who owns the case may do this; take it or have it assigned first (仅承办人可操作)",
            _ => $"role {actor.Role} may not {action} a case that is {c.Status} (当前状态不允许此操作)",
        };
        return $"cannot {action} case {c.CaseId}: {why}";
    }

    /// <summary>What the owner confirmed item by item: the default amount of a confirmation given none.</summary>
    public static decimal ConfirmedOnItems(InspectionCase c) =>
        c.Items.Where(i => i.Disposition == CaseItemDisposition.Confirmed).Sum(i => i.Amount ?? 0m);

    private static string? ItemProblem(InspectionCase c, CaseCommand command)
    {
        if (command.ItemId is not { Length: > 0 } itemId || c.Items.FirstOrDefault(i => i.ItemId == itemId) is not { } item)
        {
            return $"dispose-item needs itemId: one of the case's {c.Items.Length} items (请指定明细)";
        }

        if (item.Disposition == CaseItemDisposition.Withdrawn)
        {
            return $"item {itemId} was withdrawn (its finding no longer holds); it cannot be disposed of (该明细已撤回)";
        }

        return command.Outcome switch
        {
            not (CaseActions.ConfirmItem or CaseActions.DismissItem) =>
                $"dispose-item needs an outcome: \"{CaseActions.ConfirmItem}\" or \"{CaseActions.DismissItem}\" (请选择认定或不予认定)",
            CaseActions.ConfirmItem when command.Amount is { } a && (a <= 0 || a > item.AtStake) =>
                $"amount {a} must be more than 0 and at most the item's amount at stake, {item.AtStake} (金额须大于 0 且不超过该明细涉及金额)",
            CaseActions.ConfirmItem when command.Amount is { } a && decimal.Round(a, 2) != a =>
                $"amount {a} has more than two decimals; money is counted to the fen (金额精确到分)",
            CaseActions.ConfirmItem when command.Amount is null && item.AtStake <= 0 =>
                $"amount: item {itemId} puts nothing at stake; give the amount to recover (请填写金额)",
            _ => null,
        };
    }

    private static string? Problem(InspectionCase c, CaseCommand command)
    {
        var note = command.Note?.Trim();
        if (note is { Length: > MaxNote })
        {
            return $"note is {note.Length} characters; at most {MaxNote} (说明过长)";
        }

        if (command.Documents is { } documents
            && (documents.Length > MaxDocuments || documents.Any(d => d is null || d.Length > MaxDocumentLength)))
        {
            return $"documents: at most {MaxDocuments} references of at most {MaxDocumentLength} characters each (附件引用过多或过长)";
        }

        var needsNote = command.Action is CaseActions.AskHospital or CaseActions.Answer or CaseActions.Dismiss
            or CaseActions.Appeal or CaseActions.DecideAppeal or CaseActions.Note;
        if (needsNote && string.IsNullOrEmpty(note))
        {
            return command.Action switch
            {
                CaseActions.AskHospital => "ask-hospital needs a note: the question the hospital is to answer (请填写需医院说明的问题)",
                CaseActions.Answer => "answer needs a note: the hospital's explanation (请填写医院说明)",
                CaseActions.Dismiss => "dismiss needs a note: the reason (请填写驳回理由)",
                CaseActions.Appeal => "appeal needs a note: the grounds of the appeal (请填写申诉理由)",
                CaseActions.DecideAppeal => "decide-appeal needs a note: the reason of the review (请填写复核理由)",
                _ => "note needs a text (请填写备注)",
            };
        }

        switch (command.Action)
        {
            case CaseActions.Assign when command.Assignee?.Trim() is not { Length: > 0 and <= MaxName }:
                return $"assign needs an assignee: the inspector's name, 1..{MaxName} characters (请指定承办人)";
            case CaseActions.Confirm when command.Amount is null && ConfirmedOnItems(c) == 0:
                return "confirm needs an amount: the amount to recover in yuan, or items confirmed first (请填写追回金额)";
            case CaseActions.Confirm when command.Amount is null:
                return null;
            case CaseActions.Confirm when command.Amount <= 0 || command.Amount > c.AmountAtStake:
                return $"amount {command.Amount} must be more than 0 and at most the amount at stake, {c.AmountAtStake} (追回金额须大于 0 且不超过涉及金额 {c.AmountAtStake} 元)";
            case CaseActions.Confirm when decimal.Round(command.Amount!.Value, 2) != command.Amount:
                return $"amount {command.Amount} has more than two decimals; money is counted to the fen (金额精确到分)";
            case CaseActions.DecideAppeal when command.Outcome is not (CaseActions.Uphold or CaseActions.Overturn):
                return $"decide-appeal needs an outcome: \"{CaseActions.Uphold}\" or \"{CaseActions.Overturn}\" (请选择维持或撤销)";
            case CaseActions.DisposeItem:
                return ItemProblem(c, command);
            case CaseActions.Sample:
                return CaseSampling.Problem(command.Sample);
        }

        return null;
    }
}
