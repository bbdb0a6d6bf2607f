using Microsoft.AspNetCore.Authorization;
using Monitoring.Access;

namespace Monitoring.Dashboard.Security;

/// <summary>Authorization policies by role; scope is checked per request against the registry.</summary>
public static class MonitoringPolicies
{
    public const string Ingest = "ingest";
    public const string Admin = "admin";

    /// <summary>Any role that may read: everyone but ingest.</summary>
    public const string Reader = "reader";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Ingest, p => p.RequireClaim(MonitoringClaimTypes.Role, AccessScope.Ingest, AccessScope.Admin));
        options.AddPolicy(Admin, p => p.RequireClaim(MonitoringClaimTypes.Role, AccessScope.Admin));
        options.AddPolicy(Reader, p => p.RequireAssertion(c => CallerScope.Of(c.User) is { MayRead: true }));
    }
}
