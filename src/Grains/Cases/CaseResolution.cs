namespace Monitoring.Cases;

/// <summary>
/// A decided case resolves its alerts (<c>alert.schema.json</c> § status: resolved when its case was decided): when a
/// case is confirmed, dismissed or its appeal decided, the alerts it rests on become resolved with a reason naming the
/// case and the decision. A withdrawn case resolves nothing — its alerts were withdrawn with it.
/// </summary>
public static class CaseResolution
{
    /// <summary>The reason the alerts of <paramref name="moved"/> are resolved after <paramref name="action"/>, or null when the move decides nothing.</summary>
    public static string? ReasonFor(InspectionCase moved, string action, string? outcome) => (action, moved.Status) switch
    {
        (CaseActions.Confirm, CaseStatus.Confirmed) => $"case-confirmed:{moved.CaseId}",
        (CaseActions.Dismiss, CaseStatus.Dismissed) => $"case-dismissed:{moved.CaseId}",
        (CaseActions.DecideAppeal, CaseStatus.Confirmed or CaseStatus.Dismissed) =>
            $"case-appeal-{(outcome == CaseActions.Overturn ? "overturned" : "upheld")}:{moved.CaseId}",
        _ => null,
    };
}
