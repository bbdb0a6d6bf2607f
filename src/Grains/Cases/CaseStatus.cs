namespace Monitoring.Cases;

/// <summary>
/// Where an inspection case stands. Open work: <see cref="Open"/>, <see cref="Assigned"/>, <see cref="AwaitingHospital"/>,
/// <see cref="UnderReview"/>, <see cref="Appealed"/>. Decided: <see cref="Confirmed"/>, <see cref="Dismissed"/> (final once
/// an appeal is decided or the appeal period has passed). <see cref="Withdrawn"/>: the finding no longer holds.
/// </summary>
public static class CaseStatus
{
    public const string Open = "open";
    public const string Assigned = "assigned";
    public const string AwaitingHospital = "awaiting-hospital";
    public const string UnderReview = "under-review";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
    public const string Appealed = "appealed";
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> All { get; } = [Open, Assigned, AwaitingHospital, UnderReview, Confirmed, Dismissed, Appealed, Withdrawn];

    /// <summary>Statuses in which the case is still being worked (before a decision).</summary>
    public static bool IsUndecided(string status) => status is Open or Assigned or AwaitingHospital or UnderReview;

    /// <summary>Statuses that still need someone's work: undecided, or an appeal waiting for its review.</summary>
    public static bool IsActive(string status) => IsUndecided(status) || status == Appealed;

    public static bool IsValid(string? status) => status is not null && All.Contains(status);
}
