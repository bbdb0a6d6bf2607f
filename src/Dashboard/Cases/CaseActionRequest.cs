namespace Monitoring.Dashboard.Cases;

/// <summary>The body of <c>POST /api/cases/{id}/actions</c>.</summary>
public sealed record CaseActionRequest(
    string? Action, string? Note, string? Assignee, decimal? Amount, string[]? Documents, string? Outcome);

/// <summary>The body of <c>POST /api/cases</c>: open a case by hand on an alert.</summary>
public sealed record OpenCaseRequest(string? AlertId, string? Note);
