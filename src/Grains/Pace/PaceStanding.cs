using Monitoring.Alerts;

namespace Monitoring.Pace;

/// <summary>
/// Where an account's pace judgement stands: the last settlement day judged (yyyyMMdd, 0 before the first), the
/// levels in force, and the day the pace level came into force (yyyyMMdd, 0 when none is), which its dwell counts from.
/// </summary>
public readonly record struct PaceStanding(int PacedThrough, AlertSeverity? Level, bool Exhausted, int LevelSince = 0);
