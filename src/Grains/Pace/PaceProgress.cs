using Monitoring.Alerts;

namespace Monitoring.Pace;

/// <summary>Where an account's pace judgement stands after judging more days, and the alerts those days raised.</summary>
public sealed record PaceProgress(int PacedThrough, AlertSeverity? Level, bool Exhausted, IReadOnlyList<Alert> Alerts, int LevelSince = 0);
