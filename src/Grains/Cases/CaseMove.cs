namespace Monitoring.Cases;

/// <summary>What the workflow made of a request.</summary>
public enum CaseMoveKind
{
    /// <summary>The case moved; <see cref="CaseMove.Case"/> is the new case.</summary>
    Moved,

    /// <summary>The move is not allowed now for this person (HTTP 409, with the moves that are).</summary>
    Refused,

    /// <summary>The request itself is wrong: an unknown action, a missing reason, an amount over the amount at stake (HTTP 400).</summary>
    Invalid,
}

/// <summary>
/// The workflow's answer: the moved case and the ledger booking the move made (if any), or why not and what is allowed.
/// </summary>
public sealed record CaseMove(CaseMoveKind Kind, InspectionCase? Case, string? Error, IReadOnlyList<string> Allowed, LedgerBooking? Booking)
{
    public static CaseMove Moved(InspectionCase next, LedgerBooking? booking = null) => new(CaseMoveKind.Moved, next, null, [], booking);

    public static CaseMove Refused(string error, IReadOnlyList<string> allowed) => new(CaseMoveKind.Refused, null, error, allowed, null);

    public static CaseMove Invalid(string error, IReadOnlyList<string> allowed) => new(CaseMoveKind.Invalid, null, error, allowed, null);
}
