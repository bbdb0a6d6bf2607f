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
    /// <summary>Judges the days after those already judged, up to and including <paramref name="through"/>.</summary>
    public static PaceProgress Advance(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, PaceStanding state, FundAccountProfile account,
        DateOnly through, PaceThresholds thresholds, DateTimeOffset now)
    {
        var yearStart = new DateOnly(account.FundYear, 1, 1);
        var yearEnd = new DateOnly(account.FundYear, 12, 31);
        if (state.PacedThrough != 0 && Claims.BudgetClock.FromDayKey(state.PacedThrough) < yearStart)
        {
            // A new fund year has its own budget: the old year's levels are no standing in it, and judging starts on 1 January.
            state = new PaceStanding(0, null, false);
        }

        var start = state.PacedThrough == 0 ? yearStart : Claims.BudgetClock.FromDayKey(state.PacedThrough).AddDays(1);
        if (start < yearStart)
        {
            start = yearStart;
        }

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
    /// The pace as of the latest settlement the account has seen — or the last day judged, when its county's time has
    /// moved on without it — with the alert level in force.
    /// </summary>
    public static PaceReading? Current(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int>? claims, DateTimeOffset? lastSettledAt,
        int pacedThrough, AlertSeverity? level, FundAccountProfile account, PaceThresholds thresholds)
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

        var reading = BudgetPace.Read(day, account.FundYear, account.AnnualBudget.Value, account.MonthlyProfile, new DailySpend(days, claims), thresholds);
        return reading with { Level = level };
    }
}
