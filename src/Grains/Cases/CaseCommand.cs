namespace Monitoring.Cases;

/// <summary>
/// One request to move a case (<c>POST /api/cases/{id}/actions</c>): the action and what it needs — an assignee, the
/// reason or explanation, the amount to recover, references to documents, an appeal's or an item's outcome, the line
/// item an item disposition is about, a review sample's method.
/// </summary>
public sealed record CaseCommand(
    string Action,
    string? Note = null,
    string? Assignee = null,
    decimal? Amount = null,
    string[]? Documents = null,
    string? Outcome = null,
    string? ItemId = null,
    CaseSample? Sample = null);
