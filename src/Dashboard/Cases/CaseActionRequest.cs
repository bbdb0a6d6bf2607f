using Monitoring.Cases;

namespace Monitoring.Dashboard.Cases;

/// <summary>
/// The body of <c>POST /api/cases/{id}/actions</c>. <c>dispose-item</c> takes <see cref="ItemId"/>, an outcome
/// (<c>confirm</c> | <c>dismiss</c>) and for a confirmation an optional amount (default: the item's amount at stake);
/// <c>sample</c> takes <see cref="Sample"/>.
/// </summary>
public sealed record CaseActionRequest(
    string? Action, string? Note, string? Assignee, decimal? Amount, string[]? Documents, string? Outcome, string? ItemId = null, CaseSample? Sample = null);

/// <summary>The body of <c>POST /api/cases</c>: open a case by hand on an alert.</summary>
public sealed record OpenCaseRequest(string? AlertId, string? Note);
