namespace Monitoring.Alerts;

/// <summary>Who acknowledged an alert (the token's subject), when (wall clock), and why (<c>alert.schema.json</c> § acknowledged).</summary>
[GenerateSerializer, Immutable]
public sealed record AlertAcknowledgement(
    [property: Id(0)] string By,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Note);
