namespace Monitoring.Cases;

/// <summary>
/// One line of a case's history: who did what, when, from which status to which, and why. Appended, never changed.
/// <see cref="Internal"/> lines (an inspector taking or reviewing the case, internal notes) are never shown to the hospital.
/// The system's own lines carry no words, only codes and figures (the action, <see cref="Amount"/>, <see cref="ItemIds"/>),
/// so that the page words them in the reader's language.
/// </summary>
public sealed record CaseEntry(
    int Seq,
    DateTimeOffset At,
    string Actor,
    string ActorRole,
    string ActorScope,
    string Action,
    string FromStatus,
    string ToStatus,
    string? Note,
    decimal? Amount,
    string[] Documents,
    bool Internal,
    string? Assignee = null,
    string? Outcome = null,
    string[]? ItemIds = null,
    CaseSample? Sample = null);
