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

    /// <summary>
    /// The case as this caller may read it: a hospital gets no internal history and no official's name — who works,
    /// opened or decided its case is shown by role only (the hospital's own people and the system keep theirs).
    /// </summary>
    public static InspectionCase ViewFor(AccessScope scope, InspectionCase c) => scope.Role == AccessScope.HospitalRole
        ? c with
        {
            Owner = null,
            OpenedBy = c.History.FirstOrDefault() is { } opening ? ShownToHospital(opening.Actor, opening.ActorRole) : CaseActor.SystemRole,
            History = [.. c.History.Where(e => !e.Internal).Select(e => e with { Actor = ShownToHospital(e.Actor, e.ActorRole) })],
            Decision = c.Decision is { } d ? d with { By = AccessScope.Inspector } : null,
            Appeal = c.Appeal is { DecidedBy: not null } a ? a with { DecidedBy = "reviewer" } : c.Appeal,
        }
        : c;

    private static string ShownToHospital(string actor, string role) =>
        role is AccessScope.HospitalRole or CaseActor.SystemRole ? actor : role;
}
