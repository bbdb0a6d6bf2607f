using System.Security.Claims;

namespace Monitoring.Dashboard.Security;

/// <summary>
/// The person a token names (its <c>sub</c>): who works a case, who acknowledged an alert. Case work and
/// acknowledgements are refused to a token without one, rather than recorded under a name made of its role and scope
/// that every such token of that scope would share.
/// </summary>
public static class CallerSubject
{
    public const string Missing =
        "the token names no person (no \"sub\" claim); case work and acknowledgements are recorded under the person who made them — " +
        "mint a token with a subject (令牌缺少 sub，无法记录操作人)";

    public static string? Of(ClaimsPrincipal user) =>
        user.FindFirstValue("sub") is { Length: > 0 } name ? name.Trim() is { Length: > 0 } trimmed ? trimmed : null : null;
}
