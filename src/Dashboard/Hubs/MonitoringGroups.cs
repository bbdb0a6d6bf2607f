using Monitoring.Access;
using Monitoring.Dashboard.Push;

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
    /// Where a publication goes: everyone above its county, and its hospital when it is about one (an alert with the
    /// hospital's id, or the hospital's own fund). A hospital never receives its county's or its alliance's documents.
    /// An alert without a region (stored before alerts carried one) reaches the county, hospital and admin views.
    /// </summary>
    public static IReadOnlyList<string> For(Publication publication) =>
        HospitalOf(publication) is { } hospital ? [.. Officials(publication), hospital] : Officials(publication);

    /// <summary>The groups of <see cref="For"/> but the hospital's: those that read the document as stored.</summary>
    public static IReadOnlyList<string> Officials(Publication publication)
    {
        var groups = new List<string>(4) { All };
        if (publication.RegionId is { Length: > 0 } regionId)
        {
            groups.Add(Region(regionId));
        }

        groups.Add(County(publication.CountyId));
        return groups;
    }

    /// <summary>The hospital's group of <see cref="For"/>, if any: it is sent the hospital's own view of the document.</summary>
    public static string? HospitalOf(Publication publication) =>
        publication.HospitalId is { Length: > 0 } hospitalId ? Hospital(hospitalId) : null;
}
