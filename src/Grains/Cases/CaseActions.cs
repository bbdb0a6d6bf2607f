namespace Monitoring.Cases;

/// <summary>The workflow's moves, as <c>POST /api/cases/{id}/actions</c> names them.</summary>
public static class CaseActions
{
    public const string Take = "take";
    public const string Assign = "assign";
    public const string AskHospital = "ask-hospital";
    public const string Answer = "answer";
    public const string Review = "review";
    public const string Confirm = "confirm";
    public const string Dismiss = "dismiss";
    public const string Appeal = "appeal";
    public const string DecideAppeal = "decide-appeal";

    /// <summary>The owner's disposition of one line item (a pair or an example): confirm with an amount, or dismiss.</summary>
    public const string DisposeItem = "dispose-item";

    /// <summary>The owner draws a review sample of the items (<see cref="CaseSampling"/>); recorded with its seed.</summary>
    public const string Sample = "sample";

    /// <summary>An inspector's internal note: changes nothing but the history, never shown to the hospital.</summary>
    public const string Note = "note";

    /// <summary>Recorded by the system, not requested: the case opened, or the finding behind it was withdrawn.</summary>
    public const string Opened = "open";

    public const string Withdraw = "withdraw";

    /// <summary>Recorded by the system: a new alert of the same finding joined the case (<see cref="CaseEvidence"/>).</summary>
    public const string Escalate = "escalate";

    /// <summary>Recorded by the system: a claim a pattern case lists was reversed; the case stands.</summary>
    public const string ClaimReversed = "claim-reversed";

    /// <summary>Recorded by the system: the finding of some of a grouped case's pairs was withdrawn; the others stand.</summary>
    public const string ItemWithdrawn = "item-withdrawn";

    /// <summary>What a person may ask for (the system's own moves are not among them).</summary>
    public static IReadOnlyList<string> Requestable { get; } = [Take, Assign, AskHospital, Answer, Review, Confirm, Dismiss, Appeal, DecideAppeal, Note, DisposeItem, Sample];

    /// <summary>
    /// The moves inside the inspection office: who works the case (take, assign), an inspector's own step (review), and
    /// internal notes. Their history lines and their hub notices are never shown to the hospital.
    /// </summary>
    public static bool IsInternal(string action) => action is Take or Assign or Review or Note or DisposeItem or Sample;

    /// <summary>Outcomes of <see cref="DecideAppeal"/>.</summary>
    public const string Uphold = "uphold";

    public const string Overturn = "overturn";

    /// <summary>Outcomes of <see cref="DisposeItem"/>.</summary>
    public const string ConfirmItem = "confirm";

    public const string DismissItem = "dismiss";
}
