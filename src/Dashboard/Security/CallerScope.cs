using System.Security.Claims;
using Monitoring.Access;

namespace Monitoring.Dashboard.Security;

/// <summary>Reads the caller's <see cref="AccessScope"/> from an authenticated principal.</summary>
public static class CallerScope
{
    public static AccessScope? Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? AccessScope.Parse(user.FindFirstValue(MonitoringClaimTypes.Role), user.FindFirstValue(MonitoringClaimTypes.Scope), out _)
            : null;
}
