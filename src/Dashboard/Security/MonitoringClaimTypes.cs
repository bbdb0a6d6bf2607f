namespace Monitoring.Dashboard.Security;

/// <summary>The JWT claims that carry the contract's role and scope.</summary>
public static class MonitoringClaimTypes
{
    public const string Role = "role";
    public const string Scope = "scope";
}
