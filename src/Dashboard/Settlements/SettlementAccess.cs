using Monitoring.Access;
using Monitoring.Assessment;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Settlements;

/// <summary>
/// Who may read an account's statements and assessment: whoever may see the account, and for an alliance its lead hospital
/// (牵头医院), which speaks for it; a hospital otherwise sees only itself.
/// </summary>
public static class SettlementAccess
{
    public static bool CanSee(AccessScope scope, string level, string id, FundRegistry registry) =>
        scope.CanSeeAccount(level, id, registry)
        || (level == FundLevel.Alliance && scope is { Role: AccessScope.HospitalRole, Kind: ScopeKind.Hospital }
            && scope.Id == AssessmentWorkflow.LeadOf(id, registry));
}
