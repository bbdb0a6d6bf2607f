using Monitoring.Access;

namespace Monitoring.Cases;

/// <summary>
/// A read of the case list. <see cref="Scope"/> is the caller's (decided by the server); the rest are the caller's
/// filters (a grouping <see cref="Period"/>, <c>yyyy-MM</c>, among them), the order, the page size and where the previous page ended.
/// </summary>
public sealed record CaseQuery(
    AccessScope Scope,
    string? Status = null,
    string? CountyId = null,
    string? HospitalId = null,
    string? Owner = null,
    string? Kind = null,
    CaseSort Sort = CaseSort.Newest,
    int Limit = 100,
    CaseCursor? After = null,
    string? Period = null)
{
    public bool Matches(InspectionCase c) =>
        CaseAccess.CanSee(Scope, c)
        && (Status is null || c.Status == Status)
        && (CountyId is null || c.CountyId == CountyId)
        && (HospitalId is null || c.HospitalId == HospitalId)
        && (Owner is null || c.Owner == Owner)
        && (Kind is null || c.Kind == Kind)
        && (Period is null || c.Period == Period)
        && (After is null || After.Precedes(c, Sort));

    public IEnumerable<InspectionCase> Order(IEnumerable<InspectionCase> cases) => Sort switch
    {
        CaseSort.Amount => cases.OrderByDescending(c => c.AmountAtStake).ThenBy(c => c.CaseId, StringComparer.Ordinal),
        CaseSort.Age => cases.OrderBy(c => c.OpenedAt).ThenBy(c => c.CaseId, StringComparer.Ordinal),
        CaseSort.Risk => cases.OrderByDescending(c => CaseEvidence.RiskOf(c.Severity)).ThenByDescending(c => c.AmountAtStake).ThenBy(c => c.CaseId, StringComparer.Ordinal),
        _ => cases.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.CaseId, StringComparer.Ordinal),
    };
}
