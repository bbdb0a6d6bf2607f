using Monitoring.Access;
using Monitoring.Registry;

namespace Monitoring.Rules;

/// <summary>
/// Who may change which scope of the library: admin anything; a regulator at region scope its region and that
/// region's counties; a county regulator its own county's overrides only. Everyone else reads published versions.
/// </summary>
public static class RuleScopes
{
    public static bool IsScope(string scope) =>
        (scope.StartsWith("region:", StringComparison.Ordinal) || scope.StartsWith("county:", StringComparison.Ordinal))
        && scope.AsSpan(scope.IndexOf(':') + 1) is { Length: 6 } id && id.IndexOfAnyExceptInRange('0', '9') < 0;

    public static bool MayChange(AccessScope caller, string scope, FundRegistry registry) => caller.Role switch
    {
        AccessScope.Admin => true,
        AccessScope.Regulator => caller.Kind switch
        {
            ScopeKind.Region => scope == $"region:{caller.Id}"
                || (scope.StartsWith("county:", StringComparison.Ordinal) && caller.CanSeeCounty(scope["county:".Length..], registry)),
            ScopeKind.County => scope == $"county:{caller.Id}",
            _ => false,
        },
        _ => false,
    };

    /// <summary>Drafts are the regulators' working papers: a hospital, an inspector or ingest never reads them.</summary>
    public static bool MayReadDrafts(AccessScope caller) => caller.Role is AccessScope.Admin or AccessScope.Regulator;

    /// <summary>The region a scope lies in, for the basis of its drafts.</summary>
    public static string? RegionOf(string scope, FundRegistry registry) =>
        scope.StartsWith("region:", StringComparison.Ordinal) ? scope["region:".Length..]
        : registry.Counties.TryGetValue(scope["county:".Length..], out var county) ? county.Region.RegionId : null;
}
