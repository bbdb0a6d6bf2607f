namespace Monitoring.Alerts;

/// <summary>
/// What an acknowledgement did: <see cref="Alert"/> is the alert as it now reads (null when there is no such alert);
/// <see cref="Changed"/> is false when someone had acknowledged it already, whose acknowledgement stands.
/// </summary>
public sealed record AcknowledgeOutcome(Alert? Alert, bool Changed);
