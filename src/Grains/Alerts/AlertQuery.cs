namespace Monitoring.Alerts;

/// <summary>
/// A read of stored alerts, newest first. <see cref="Counties"/> and <see cref="OnlyHospitalId"/> carry the caller's
/// scope (decided by the server), the other fields the caller's own filters; <see cref="Before"/> continues a paged
/// read below the <see cref="Alert.Sequence"/> of the last alert of the page before.
/// </summary>
public sealed record AlertQuery(
    IReadOnlySet<string>? Counties,
    string? OnlyHospitalId,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string? Kind,
    AlertSeverity? Severity,
    string? CountyId,
    string? HospitalId,
    int Limit,
    string? Status = null,
    long? Before = null)
{
    public bool Matches(Alert alert) =>
        (Before is null || alert.Sequence < Before) &&
        (Counties is null || Counties.Contains(alert.CountyId))
        && (OnlyHospitalId is null || alert.HospitalId == OnlyHospitalId)
        && (Since is null || alert.RaisedAt > Since)
        && (Until is null || alert.RaisedAt < Until)
        && (Kind is null || alert.Kind == Kind)
        && (Severity is null || alert.Severity == Severity)
        && (CountyId is null || alert.CountyId == CountyId)
        && (HospitalId is null || alert.HospitalId == HospitalId)
        && (Status is null || alert.Status == Status);
}
