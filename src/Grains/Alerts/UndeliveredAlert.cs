namespace Monitoring.Alerts;

/// <summary>A stored alert the delivery still owes something: a push of its latest revision, or its case (then <see cref="Pushed"/> may be true).</summary>
public sealed record UndeliveredAlert(Alert Alert, bool Pushed);
