namespace Monitoring.Alerts;

/// <summary>
/// Who acknowledged an alert (the token's subject), when (wall clock), and why (<c>alert.schema.json</c> § acknowledged),
/// and in which role: a hospital is told that an official acknowledged, by role, never who or why
/// (<see cref="HospitalAlertView"/>). <see cref="Role"/> is null on acknowledgements stored before it was kept.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertAcknowledgement(
    [property: Id(0)] string By,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Note,
    [property: Id(3)] string? Role = null);
