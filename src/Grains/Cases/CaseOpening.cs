using System.Security.Cryptography;
using System.Text;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Cases;

/// <summary>
/// How a case opens on an alert: its id derived from the alert's (so opening twice, after a replay or a crash, opens one
/// case), resting on the alert's claims, listing them as line items with what each put at stake (<see cref="CaseStake"/>).
/// Later alerts of the same hospital, kind and period join it (<see cref="CaseEvidence"/>). A case is against a
/// hospital, so an alert about a county or an alliance opens none.
/// </summary>
public static class CaseOpening
{
    /// <summary>Whether an alert of this kind opens a case by itself.</summary>
    public static bool OpensByItself(Alert alert, IReadOnlyList<string> autoOpenKinds) =>
        autoOpenKinds.Contains(alert.Kind) && alert.HospitalId is not null && alert.ClaimIds.Length > 0
        && alert.Status is AlertStatus.Open or AlertStatus.Acknowledged;

    public static string CaseIdOf(string alertId) =>
        "C-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(alertId)))[..16];

    /// <summary>Why no case can open on this alert, or null when one can.</summary>
    public static string? Refusal(Alert alert) => alert switch
    {
        { HospitalId: null } => $"alert {alert.AlertId} is about {alert.SubjectLevel} {alert.SubjectId}, not a hospital; a case is against a hospital (案件须针对定点医疗机构)",
        { Status: AlertStatus.Withdrawn } => $"alert {alert.AlertId} was withdrawn ({alert.StatusReason}); its finding no longer holds (预警已撤回)",
        _ => null,
    };

    /// <summary>
    /// The grouping period of a case on this alert: the settlement month of the finding (a split pair's is the month its
    /// readmission was settled and the pair became known).
    /// </summary>
    public static string PeriodOf(Alert alert) =>
        BudgetClock.BudgetDate(alert.AsOf).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The new case, stamped <paramref name="now"/> in settlement time. <paramref name="claims"/> are the ledger rows of
    /// the alert's claims; a claim since reversed is no longer money at stake.
    /// </summary>
    public static InspectionCase Open(Alert alert, IReadOnlyList<LedgerEntry> claims, IReadOnlySet<string> reversed, CaseActor by,
        string? note, DateTimeOffset now, CaseRules rules)
    {
        var items = CaseStake.ItemsOf(alert, claims, reversed);
        var atStake = CaseStake.Total(items);
        var opened = new InspectionCase
        {
            CaseId = CaseIdOf(alert.AlertId),
            Kind = alert.Kind,
            Severity = alert.Severity.ToString().ToLowerInvariant(),
            CountyId = alert.CountyId,
            RegionId = alert.RegionId,
            AllianceId = alert.AllianceId,
            HospitalId = alert.HospitalId!,
            AlertIds = [alert.AlertId],
            ClaimIds = alert.ClaimIds,
            Period = PeriodOf(alert),
            Items = items,
            AmountAtStake = atStake,
            SummaryZh = alert.MessageZh,
            SummaryEn = alert.MessageEn,
            Status = CaseStatus.Open,
            OpenedAt = now,
            OpenedBy = by.Name,
            DueAt = now + rules.DecisionPeriod,
        };
        return CaseWorkflow.Record(opened, CaseStatus.Open, CaseActions.Opened, by, now, note, atStake, [], isInternal: false);
    }
}
