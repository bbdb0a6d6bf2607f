namespace Monitoring.Cases;

/// <summary>What a request to open a case on an alert came to: the case, or why not (HTTP status and words).</summary>
public sealed record CaseOpenOutcome(InspectionCase? Case, bool Opened, int Status, string? Error)
{
    public static CaseOpenOutcome NotFound(string alertId) => new(null, false, 404, $"no alert {alertId} in your scope (预警不存在或不在权限范围内)");
}
