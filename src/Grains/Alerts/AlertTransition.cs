namespace Monitoring.Alerts;

/// <summary>
/// What an alert says happened to a finding: alerts are few because a level is raised once, escalated when it
/// worsens, eased when it improves past the hysteresis band, and cleared (and recorded as cleared) on recovery.
/// </summary>
public enum AlertTransition
{
    Raised = 1,
    Escalated = 2,
    Eased = 3,
    Cleared = 4,
}
