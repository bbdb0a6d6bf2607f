using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Readmission;

namespace Monitoring.Rules;

/// <summary>
/// Which rule of the library raised an alert, and its version in force for the alert's county on its settlement day,
/// for the alerts whose detector does not name it itself (a split pair does). A rule the detectors do not yet read
/// from the library judges by its seeded version (today's options), so that is the version named.
/// </summary>
public static class AlertRules
{
    public static string? RuleOf(Alert alert) => alert.Kind switch
    {
        AlertKinds.BudgetPace => RuleIds.BudgetPace,
        AlertKinds.BudgetExhausted => RuleIds.BudgetExhausted,
        AlertKinds.SplitHospitalization => alert.AlertId.StartsWith(ReadmissionAlerts.PairIdPrefix, StringComparison.Ordinal) ? RuleIds.SplitHospitalization : RuleIds.ReadmissionRate,
        AlertKinds.Upcoding => RuleIds.Upcoding,
        AlertKinds.LowThresholdAdmission => RuleIds.LowThresholdAdmission,
        _ => null,
    };

    /// <summary>The alert with its rule and version; as it was when it names one already or no rule raised it (data quality).</summary>
    public static Alert Stamped(Alert alert, RuleLibrary library, RuleLibrary seeded)
    {
        if (alert.RuleId is not null || RuleOf(alert) is not { } ruleId || library.Rule(ruleId) is not { } rule)
        {
            return alert;
        }

        var version = (rule.ReadAtRunTime ? library : seeded).InForce(ruleId, alert.CountyId, alert.RegionId, BudgetClock.BudgetDate(alert.AsOf));
        return alert with { RuleId = ruleId, RuleVersion = version.Version };
    }
}
