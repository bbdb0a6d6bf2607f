using Monitoring.Access;

namespace Monitoring.Cases;

/// <summary>
/// Scope on cases, decided by the server: inspectors and regulators see the cases of their county or region, a hospital
/// only its own, the admin all. The case carries its county, region and hospital, so no registry lookup is needed.
/// </summary>
public static class CaseAccess
{
    public static bool CanSee(AccessScope scope, InspectionCase c) => scope switch
    {
        { Role: AccessScope.Admin } => true,
        { Role: AccessScope.Regulator or AccessScope.Inspector, Kind: ScopeKind.County } => scope.Id == c.CountyId,
        { Role: AccessScope.Regulator or AccessScope.Inspector, Kind: ScopeKind.Region } => scope.Id == c.RegionId,
        { Role: AccessScope.HospitalRole, Kind: ScopeKind.Hospital } => scope.Id == c.HospitalId,
        _ => false,
    };

    /// <summary>The case as this caller may read it: a hospital gets neither internal history nor who works it.</summary>
    public static InspectionCase ViewFor(AccessScope scope, InspectionCase c) => scope.Role == AccessScope.HospitalRole
        ? c with
        {
            Owner = null,
            History = [.. c.History.Where(e => !e.Internal).Select(e => e.ActorRole == AccessScope.Inspector ? e with { Actor = "inspector" } : e)],
            Decision = c.Decision is { } d ? d with { By = "inspector" } : null,
            Appeal = c.Appeal is { DecidedBy: not null } a ? a with { DecidedBy = "inspector" } : c.Appeal,
        }
        : c;
}
