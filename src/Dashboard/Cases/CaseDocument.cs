using System.Text.Json.Serialization;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Dashboard.Alerts;
using Monitoring.Dashboard.Funds;

namespace Monitoring.Dashboard.Cases;

/// <summary>
/// One case as <c>GET /api/cases</c> lists it and <c>GET /api/cases/{id}</c> shows it (then with its line items, claims,
/// alerts, history and the moves the reader may make). The list's line reads without opening the case: hospital name,
/// kind, period (<c>yyyy-MM</c>, settlement month), the number of items, the first and last item's settlement day and
/// the amount at stake. Times are settlement time. A hospital's copy has no owner and no internal history.
/// </summary>
public sealed record CaseDocument(
    string CaseId,
    string Kind,
    string Severity,
    string Status,
    string CountyId,
    string? RegionId,
    string HospitalId,
    string? HospitalName,
    BilingualText Summary,
    decimal AmountAtStake,
    decimal Recovered,
    string? Owner,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset DueAt,
    DateTimeOffset? AnswerDueAt,
    bool Overdue,
    CaseDecision? Decision,
    CaseAppeal? Appeal,
    IReadOnlyList<string> AlertIds,
    IReadOnlyList<string> ClaimIds,
    long Version,
    string? Period,
    int ItemCount,
    DateOnly? FirstDay,
    DateOnly? LastDay,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CaseItem>? Items = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AllowedActions = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CaseEntry>? History = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CaseClaimDocument>? Claims = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AlertDocument>? Alerts = null)
{
    /// <summary>
    /// Whole days since the case was opened, on the settlement clock it was stamped by: the page cannot count them from
    /// its own wall clock, which may be months from the settlements a replayed or simulated year is at.
    /// </summary>
    public int AgeDays { get; init; }

    /// <summary>The list's line: the case as the reader may see it, without history.</summary>
    /// <param name="alerts">The case's stored alerts when read: a hospital's copy then says no more than its alerts do.</param>
    public static CaseDocument Of(InspectionCase stored, AccessScope scope, string? hospitalName, DateTimeOffset now, IReadOnlyList<Alert>? alerts = null)
    {
        var c = CaseAccess.ViewFor(scope, stored, alerts);
        return new CaseDocument(c.CaseId, c.Kind, c.Severity, c.Status, c.CountyId, c.RegionId, c.HospitalId, hospitalName,
            new BilingualText(c.SummaryZh, c.SummaryEn), c.AmountAtStake, c.Recovered, c.Owner, c.OpenedAt, c.OpenedBy, c.DueAt,
            c.AnswerDueAt, c.IsOverdue(now), c.Decision, c.Appeal, c.AlertIds, c.ClaimIds, c.Version,
            c.Period, c.Items.Count(i => i.Stands), c.Items.Length == 0 ? null : c.Items.Min(i => i.Day), c.Items.Length == 0 ? null : c.Items.Max(i => i.Day))
        {
            AgeDays = Math.Max(0, (int)(now - c.OpenedAt).TotalDays),
        };
    }

    /// <summary>The whole case for one reader: history as the reader may see it, the claims and alerts, the reader's moves.</summary>
    public static CaseDocument Full(InspectionCase stored, AccessScope scope, string? hospitalName, DateTimeOffset now,
        IReadOnlyList<string> allowed, IReadOnlyList<CaseClaimDocument> claims, IReadOnlyList<Alert> alerts)
    {
        var seen = CaseAccess.ViewFor(scope, stored, alerts);
        return Of(stored, scope, hospitalName, now, alerts) with
        {
            AllowedActions = allowed,
            Items = seen.Items,
            History = seen.History,
            Claims = claims,
            Alerts = [.. alerts.Select(a => AlertDocument.For(scope, a))],
        };
    }
}
