using Monitoring.Alerts;
using Monitoring.Registry;

namespace Monitoring.Pace;

/// <summary>
/// Judges an account's pace day by day, in settlement time: every settlement day that has ended is judged once, on
/// what was settled by its end. Batches of claims therefore change nothing: a year fed in one minute or lived through
/// in twelve months judges the same days on the same figures and raises the same alerts.
/// </summary>
public static class PaceTrack
{
    /// <summary>Judges the days after those already judged, up to and including <paramref name="through"/>, under one set of thresholds.</summary>
    public static PaceProgress Advance(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, PaceStanding state, FundAccountProfile account,
        DateOnly through, PaceThresholds thresholds, DateTimeOffset now) =>
        Advance(days, claims, state, account, through, _ => thresholds, now);

    /// <summary>
    /// The same, each day judged under the thresholds in force on it: a version of the rule published from a day
    /// judges that day on, and the days before it stay judged as they were.
    /// </summary>
    public static PaceProgress Advance(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, PaceStanding state, FundAccountProfile account,
        DateOnly through, Func<DateOnly, PaceThresholds> thresholdsOn, DateTimeOffset now)
    {
        var yearEnd = new DateOnly(account.FundYear, 12, 31);
        (state, var start) = Resume(state, account);
        var end = through > yearEnd ? yearEnd : through;
        if (account.AnnualBudget is not > 0 || end < start)
        {
            return new PaceProgress(state.PacedThrough, state.Level, state.Exhausted, [], state.LevelSince);
        }

        var level = state.Level;
        var since = state.LevelSince;
        var exhausted = state.Exhausted;
        var alerts = new List<Alert>();
        var spend = new DailySpend(days, claims);
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            var thresholds = thresholdsOn(day);
            var reading = BudgetPace.Read(day, account.FundYear, account.AnnualBudget.Value, account.MonthlyProfile, spend, thresholds);
            var (nextLevel, paceChange) = PaceAlarm.Next(level, since, reading, thresholds);
            if (paceChange is { } transition)
            {
                alerts.Add(BudgetPaceAlerts.Pace(account, reading, nextLevel, level, transition, thresholds, now));
                level = nextLevel;
                since = nextLevel is null ? 0 : DailySpend.Key(day);
            }

            var (nextExhausted, exhaustionChange) = PaceAlarm.NextExhaustion(exhausted, reading, thresholds);
            if (exhaustionChange is { } exhaustion)
            {
                alerts.Add(BudgetPaceAlerts.Exhausted(account, reading, exhaustion, now));
                exhausted = nextExhausted;
            }
        }

        return new PaceProgress(DailySpend.Key(end), level, exhausted, alerts, since);
    }

    /// <summary>
    /// The one judgement that does not wait for the day's end: the settlement that takes the account past its whole
    /// budget raises <c>budget-exhausted</c> and the critical rung of its pace at once, because every yuan after it is
    /// an overrun (超支). The alerts are those the day-end judgement of that day would raise (same ids, same as-of
    /// day), so living through the year and replaying it store the same alerts, whichever comes first. Only the first
    /// day not yet judged is open to it, and it is not marked judged: its gap and projection are still judged once it
    /// has ended, and find the levels already in force.
    /// </summary>
    public static PaceProgress Crossing(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, PaceStanding state,
        FundAccountProfile account, PaceThresholds thresholds, DateTimeOffset now) =>
        Crossing(days, claims, state, account, _ => thresholds, now);

    /// <summary>The same, under the thresholds in force on the day the crossing is judged for.</summary>
    public static PaceProgress Crossing(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, PaceStanding state,
        FundAccountProfile account, Func<DateOnly, PaceThresholds> thresholdsOn, DateTimeOffset now)
    {
        (state, var start) = Resume(state, account);
        var unchanged = new PaceProgress(state.PacedThrough, state.Level, state.Exhausted, [], state.LevelSince);
        if (account.AnnualBudget is not > 0 || state.Exhausted)
        {
            return unchanged;
        }

        // Only the first day not yet judged is open: a later one would be judged before the days between had ended.
        if (start.Year != account.FundYear)
        {
            return unchanged;
        }

        var thresholds = thresholdsOn(start);
        var reading = BudgetPace.Read(start, account.FundYear, account.AnnualBudget.Value, account.MonthlyProfile, new DailySpend(days, claims), thresholds);
        var (exhausted, exhaustion) = PaceAlarm.NextExhaustion(false, reading, thresholds);
        if (exhaustion is null)
        {
            return unchanged;
        }

        var alerts = new List<Alert>();
        var (level, since) = (state.Level, state.LevelSince);
        var (nextLevel, paceChange) = PaceAlarm.Next(state.Level, state.LevelSince, reading, thresholds);
        if (paceChange is { } transition)
        {
            alerts.Add(BudgetPaceAlerts.Pace(account, reading, nextLevel, state.Level, transition, thresholds, now));
            (level, since) = (nextLevel, DailySpend.Key(start));
        }

        alerts.Add(BudgetPaceAlerts.Exhausted(account, reading, exhaustion.Value, now));
        return new PaceProgress(state.PacedThrough, level, exhausted, alerts, since);
    }

    /// <summary>
    /// Where judging resumes: the day after the last judged, or 1 January of the account's fund year — when the last
    /// judged day is of an earlier year, whose levels are no standing in a new year with its own budget.
    /// </summary>
    private static (PaceStanding State, DateOnly Start) Resume(PaceStanding state, FundAccountProfile account)
    {
        var yearStart = new DateOnly(account.FundYear, 1, 1);
        if (state.PacedThrough != 0 && Claims.BudgetClock.FromDayKey(state.PacedThrough) < yearStart)
        {
            state = new PaceStanding(0, null, false);
        }

        var start = state.PacedThrough == 0 ? yearStart : Claims.BudgetClock.FromDayKey(state.PacedThrough).AddDays(1);
        return (state, start < yearStart ? yearStart : start);
    }

    /// <summary>
    /// The pace as of the latest settlement the account has seen — or the last day judged, when its county's time has
    /// moved on without it — with the alert level in force.
    /// </summary>
    public static PaceReading? Current(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, DateTimeOffset? lastSettledAt,
        int pacedThrough, AlertSeverity? level, FundAccountProfile account, PaceThresholds thresholds) =>
        Current(days, claims, lastSettledAt, pacedThrough, level, account, _ => thresholds);

    /// <summary>The same, read under the thresholds in force on the day it is read for.</summary>
    public static PaceReading? Current(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, DateTimeOffset? lastSettledAt,
        int pacedThrough, AlertSeverity? level, FundAccountProfile account, Func<DateOnly, PaceThresholds> thresholdsOn)
    {
        if (account.AnnualBudget is not > 0 || (lastSettledAt is null && pacedThrough == 0))
        {
            return null;
        }

        var day = lastSettledAt is { } last ? Claims.BudgetClock.BudgetDate(last) : DateOnly.MinValue;
        if (pacedThrough != 0 && Claims.BudgetClock.FromDayKey(pacedThrough) > day)
        {
            day = Claims.BudgetClock.FromDayKey(pacedThrough);
        }

        var reading = BudgetPace.Read(day, account.FundYear, account.AnnualBudget.Value, account.MonthlyProfile, new DailySpend(days, claims), thresholdsOn(day));
        return reading with { Level = level };
    }
}
