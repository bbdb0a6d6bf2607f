using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Funds;

namespace Monitoring.Dashboard.Hubs;

/// <summary>
/// The hub's groups, one per scope a token can carry (<c>contracts/README.md</c> § Roles and scopes). A connection
/// joins exactly one, chosen by the server from its token; a message goes to every group that may see it, so a
/// connection never receives the same document twice and never one outside its scope.
/// </summary>
public static class MonitoringGroups
{
    public const string All = "all";

    public static string Region(string regionId) => $"region:{regionId}";

    public static string County(string countyId) => $"county:{countyId}";

    public static string Hospital(string hospitalId) => $"hospital:{hospitalId}";

    /// <summary>The one group a caller joins, or null when its role receives nothing (ingest) or its scope is unusable.</summary>
    public static string? Of(AccessScope scope) => scope switch
    {
        { Role: AccessScope.Admin } => All,
        { Role: AccessScope.Regulator or AccessScope.Inspector, Kind: ScopeKind.Region, Id: { Length: > 0 } id } => Region(id),
        { Role: AccessScope.Regulator or AccessScope.Inspector, Kind: ScopeKind.County, Id: { Length: > 0 } id } => County(id),
        { Role: AccessScope.HospitalRole, Kind: ScopeKind.Hospital, Id: { Length: > 0 } id } => Hospital(id),
        _ => null,
    };

    /// <summary>
    /// Where an alert goes: everyone above its county, and its hospital when it is about one. A hospital sees only
    /// alerts that carry its own id, never its county's or its alliance's.
    /// </summary>
    /// <param name="regionId">The region of <see cref="Alert.CountyId"/>, or null when the registry does not know it.</param>
    public static IReadOnlyList<string> ForAlert(Alert alert, string? regionId)
    {
        var groups = new List<string>(4) { All };
        if (regionId is not null)
        {
            groups.Add(Region(regionId));
        }

        groups.Add(County(alert.CountyId));
        if (alert.HospitalId is { Length: > 0 } hospitalId)
        {
            groups.Add(Hospital(hospitalId));
        }

        return groups;
    }

    /// <summary>Where a fund snapshot goes: county and alliance funds to the regulators above them, a hospital's also to itself.</summary>
    public static IReadOnlyList<string> ForFund(FundStatus status)
    {
        var groups = new List<string>(4) { All, Region(status.RegionId), County(status.CountyId) };
        if (status.Level == FundAccountProfile.Hospital)
        {
            groups.Add(Hospital(status.Id));
        }

        return groups;
    }
}
