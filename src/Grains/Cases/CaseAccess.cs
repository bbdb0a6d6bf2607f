using Monitoring.Access;
using Monitoring.Alerts;

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
    /// The case as this caller may read it: a hospital gets no internal history, no official's opening note and no official's name — who works,
    /// opened or decided its case is shown by role only (the hospital's own people and the system keep theirs). Its
    /// history is numbered 1..n anew, so that gaps do not tell it where internal lines were.
    /// </summary>
    /// <param name="alerts">
    /// The case's stored alerts, when the caller has read them: what <see cref="HospitalAlertView"/> takes out of them
    /// (the other member's claim of a split pair across two members, the message naming it) is taken out of the case's
    /// summary and claim ids too, so that the case tells the hospital no more than the alert.
    /// </param>
    public static InspectionCase ViewFor(AccessScope scope, InspectionCase c, IReadOnlyList<Alert>? alerts = null)
    {
        if (scope.Role != AccessScope.HospitalRole)
        {
            return c;
        }

        var seen = c with
        {
            Owner = null,
            OpenedBy = c.History.FirstOrDefault() is { } opening ? ShownToHospital(opening.Actor, opening.ActorRole) : CaseActor.SystemRole,
            History = [.. c.History.Where(e => !e.Internal).Select((e, i) => e with
            {
                Seq = i + 1,
                Actor = ShownToHospital(e.Actor, e.ActorRole),
                // Why an official opened a case by hand is the office's own reasoning (a tip-off, a hunch), not a question to the hospital.
                Note = e.Action == CaseActions.Opened && !IsHospitalOrSystem(e.ActorRole) ? null : e.Note,
            })],
            Decision = c.Decision is { } d ? d with { By = AccessScope.Inspector } : null,
            Appeal = c.Appeal is { DecidedBy: not null } a ? a with { DecidedBy = "reviewer" } : c.Appeal,
        };
        var reworded = (alerts ?? []).Select(alert => (Stored: alert, Seen: HospitalAlertView.For(alert)))
            .Where(p => p.Seen.MessageZh != p.Stored.MessageZh)
            .ToList();
        if (reworded.Count == 0)
        {
            return seen;
        }

        var hidden = reworded.SelectMany(p => p.Stored.ClaimIds.Except(p.Seen.ClaimIds)).ToHashSet(StringComparer.Ordinal);
        return seen with
        {
            SummaryZh = reworded[0].Seen.MessageZh,
            SummaryEn = reworded[0].Seen.MessageEn,
            ClaimIds = [.. c.ClaimIds.Where(id => !hidden.Contains(id))],
            // A line item names its claims too: the other member's stay leaves every list the hospital reads.
            Items = [.. c.Items.Select(i => i with { ClaimIds = [.. i.ClaimIds.Where(id => !hidden.Contains(id))] })],
        };
    }

    private static string ShownToHospital(string actor, string role) => IsHospitalOrSystem(role) ? actor : role;

    private static bool IsHospitalOrSystem(string role) => role is AccessScope.HospitalRole or CaseActor.SystemRole;
}
