using Monitoring.Access;

namespace Monitoring.Cases;

/// <summary>Who acts on a case: the token's role and scope, and the person it names (its subject).</summary>
public sealed record CaseActor(AccessScope Scope, string Name)
{
    public const string SystemRole = "system";

    /// <summary>The monitor itself: opens cases on findings and withdraws them when a finding goes.</summary>
    public static CaseActor System { get; } = new(new AccessScope(SystemRole, ScopeKind.All, null), "system");

    public string Role => Scope.Role;

    public bool IsInspector => Role == AccessScope.Inspector;

    public bool IsHospital => Role == AccessScope.HospitalRole;
}
