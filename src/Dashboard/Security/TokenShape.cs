using System.Security.Claims;
using Monitoring.Access;

namespace Monitoring.Dashboard.Security;

/// <summary>
/// What a token must carry beyond a valid signature: exactly one role, at most one scope, and the two parsing as
/// an <see cref="AccessScope"/>. A signed token that says more (a role array) or something unknown is refused at
/// authentication, so no check further in can read it two ways (policies one role, reads another).
/// </summary>
public static class TokenShape
{
    /// <summary>Why this principal is not a token the system would issue, or null when it is.</summary>
    public static string? Problem(ClaimsPrincipal principal)
    {
        var roles = principal.FindAll(MonitoringClaimTypes.Role).Select(c => c.Value).ToList();
        var scopes = principal.FindAll(MonitoringClaimTypes.Scope).Select(c => c.Value).ToList();
        if (roles.Count != 1)
        {
            return $"the token carries {roles.Count} roles; exactly one is allowed";
        }

        if (scopes.Count > 1)
        {
            return $"the token carries {scopes.Count} scopes; at most one is allowed";
        }

        return AccessScope.Parse(roles[0], scopes.SingleOrDefault(), out var error) is null
            ? $"the token's role and scope do not parse: {error}"
            : null;
    }
}
