using Monitoring.Alerts;

namespace Monitoring.Pace;

/// <summary>Where an account's pace judgement stands: the last settlement day judged (yyyyMMdd, 0 before the first) and the levels in force.</summary>
public readonly record struct PaceStanding(int PacedThrough, AlertSeverity? Level, bool Exhausted);
