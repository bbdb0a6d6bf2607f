namespace Monitoring.Alerts;

/// <summary>An alert's life (<c>alert.schema.json</c> § status): a living record, not a message that is sent and forgotten.</summary>
public static class AlertStatus
{
    /// <summary>Raised and not yet looked at.</summary>
    public const string Open = "open";

    /// <summary>Someone in scope has seen it and said so.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>The finding no longer holds: a claim it rests on was reversed, or a later claim changed the picture.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>Its level cleared or its case was decided.</summary>
    public const string Resolved = "resolved";

    public static bool IsValid(string? status) => status is Open or Acknowledged or Withdrawn or Resolved;
}
