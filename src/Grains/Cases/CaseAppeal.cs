namespace Monitoring.Cases;

/// <summary>
/// The hospital's one appeal (申诉) against a decision, and its review at the level above: <c>uphold</c> keeps the
/// decision, <c>overturn</c> reverses it (and its money).
/// </summary>
public sealed record CaseAppeal(
    DateTimeOffset FiledAt,
    string FiledBy,
    string Reason,
    string[] Documents,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? Outcome = null,
    string? DecisionReason = null);
