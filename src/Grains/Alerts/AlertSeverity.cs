namespace Monitoring.Alerts;

/// <summary>Severities of <c>alert.schema.json</c>, ordered: a higher value is worse.</summary>
public enum AlertSeverity
{
    Notice = 1,
    Warning = 2,
    Critical = 3,
}
