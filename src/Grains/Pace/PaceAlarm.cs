using Monitoring.Alerts;
using Monitoring.Registry;

namespace Monitoring.Pace;

/// <summary>
/// The alert state of an account's pace from one day's reading to the next: raised once when a level is crossed,
/// escalated at once when it worsens, eased or cleared only when the reading has recovered past the hysteresis band
/// <b>and</b> the level has been in force for the minimum dwell in settlement days — so an account hovering at a
/// threshold, or a small fund whose figures jump from one week to the next, does not raise and clear an alert
/// every few days.
/// </summary>
public static class PaceAlarm
{
    /// <param name="current">the level in force</param>
    /// <param name="since">the settlement day it came into force (yyyyMMdd; 0 when none is)</param>
    public static (AlertSeverity? Level, AlertTransition? Transition) Next(
        AlertSeverity? current, int since, PaceReading reading, PaceThresholds thresholds)
    {
        var raw = reading.Level;
        if (Rank(raw) > Rank(current))
        {
            return (raw, current is null ? AlertTransition.Raised : AlertTransition.Escalated);
        }

        if (Rank(raw) < Rank(current) && DwellOver(since, reading.Day, thresholds))
        {
            var held = BudgetPace.LevelOf(reading, thresholds, thresholds.HysteresisPoints);
            if (Rank(held) < Rank(current))
            {
                return (held, held is null ? AlertTransition.Cleared : AlertTransition.Eased);
            }
        }

        return (current, null);
    }

    /// <summary>
    /// Whether the whole annual budget is spent: raised when fund paid reaches it, cleared only if reversals bring it
    /// back below by more than the hysteresis band.
    /// </summary>
    public static (bool Exhausted, AlertTransition? Transition) NextExhaustion(bool exhausted, PaceReading reading, PaceThresholds thresholds)
    {
        if (!exhausted && reading.AnnualBudget > 0 && reading.UsedShare >= 1)
        {
            return (true, AlertTransition.Raised);
        }

        if (exhausted && reading.UsedShare * 100 < 100 - thresholds.HysteresisPoints)
        {
            return (false, AlertTransition.Cleared);
        }

        return (exhausted, null);
    }

    private static bool DwellOver(int since, DateOnly day, PaceThresholds thresholds) =>
        since == 0 || day.DayNumber - Claims.BudgetClock.FromDayKey(since).DayNumber >= thresholds.MinimumDwellDays;

    private static int Rank(AlertSeverity? level) => level is { } l ? (int)l : 0;
}
