using Monitoring.Alerts;
using Monitoring.Pace;
using Monitoring.Registry;

namespace Monitoring.Grains.Tests.Pace;

/// <summary>
/// The settlement that spends the whole budget is judged when it is counted, not when its day ends; and what it raises
/// is what the day-end judgement of that day raises, so a replay and a year lived through store the same alerts.
/// </summary>
public sealed class PaceCrossingTests
{
    private static readonly PaceThresholds Defaults = new();
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static FundAccountProfile Account(decimal budget) =>
        new("hospital", "H53092290001", "民营医院", "530922", "530900", null, null, 2026, budget, null);

    /// <summary>Steady spend through 9 June, then the afternoon of 10 June as given.</summary>
    private static (Dictionary<int, decimal> Days, Dictionary<int, int> Claims) Year(decimal before, decimal tenJune)
    {
        var days = new Dictionary<int, decimal>();
        var claims = new Dictionary<int, int>();
        for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2026, 6, 10); day = day.AddDays(1))
        {
            days[DailySpend.Key(day)] = before;
            claims[DailySpend.Key(day)] = 1;
        }

        days[20260610] = tenJune;
        claims[20260610] = 10;
        return (days, claims);
    }

    private static PaceProgress JudgedThrough9June((Dictionary<int, decimal> Days, Dictionary<int, int> Claims) year, decimal budget) =>
        PaceTrack.Advance(year.Days, year.Claims, default, Account(budget), new DateOnly(2026, 6, 9), Defaults, Now);

    private static PaceStanding Standing(PaceProgress p) => new(p.PacedThrough, p.Level, p.Exhausted, p.LevelSince);

    [Fact]
    public void Settlement_past_the_whole_budget_raises_exhausted_and_critical_on_its_day()
    {
        // 160 days at 40,000 is 6,400,000 of a 9,000,000 budget; ten claims of 310,000 on 10 June take it to 9,500,000.
        var year = Year(40_000, 3_100_000);
        var judged = JudgedThrough9June(year, 9_000_000);
        Assert.NotEqual(AlertSeverity.Critical, judged.Level);

        var crossing = PaceTrack.Crossing(year.Days, year.Claims, Standing(judged), Account(9_000_000), Defaults, Now);

        Assert.True(crossing.Exhausted);
        Assert.Equal(AlertSeverity.Critical, crossing.Level);
        Assert.Equal(judged.PacedThrough, crossing.PacedThrough);
        Assert.Equal(20260610, crossing.LevelSince);
        var exhausted = Assert.Single(crossing.Alerts, a => a.Kind == AlertKinds.BudgetExhausted);
        Assert.Equal((AlertTransition.Raised, AlertSeverity.Critical), (exhausted.Transition, exhausted.Severity));
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 23, 59, 59, TimeSpan.FromHours(8)), exhausted.AsOf);
        Assert.Contains(crossing.Alerts, a => a.Kind == AlertKinds.BudgetPace && a.Severity == AlertSeverity.Critical && a.AsOf == exhausted.AsOf);
    }

    [Fact]
    public void Crossing_raises_the_alerts_the_day_end_judgement_raises_and_the_day_end_adds_none()
    {
        var year = Year(40_000, 3_100_000);
        var judged = JudgedThrough9June(year, 9_000_000);
        var dayEnd = PaceTrack.Advance(year.Days, year.Claims, Standing(judged), Account(9_000_000), new DateOnly(2026, 6, 10), Defaults, Now);

        var crossing = PaceTrack.Crossing(year.Days, year.Claims, Standing(judged), Account(9_000_000), Defaults, Now);
        var afterCrossing = PaceTrack.Advance(year.Days, year.Claims, Standing(crossing), Account(9_000_000), new DateOnly(2026, 6, 10), Defaults, Now);

        Assert.Equal(dayEnd.Alerts.Select(a => (a.AlertId, a.AsOf, a.Severity)), crossing.Alerts.Select(a => (a.AlertId, a.AsOf, a.Severity)));
        Assert.Empty(afterCrossing.Alerts);
        Assert.Equal((dayEnd.PacedThrough, dayEnd.Level, dayEnd.Exhausted, dayEnd.LevelSince),
            (afterCrossing.PacedThrough, afterCrossing.Level, afterCrossing.Exhausted, afterCrossing.LevelSince));
    }

    [Fact]
    public void Spend_short_of_the_budget_or_already_exhausted_raises_nothing()
    {
        var under = Year(40_000, 2_500_000);
        var judged = JudgedThrough9June(under, 9_000_000);
        Assert.Empty(PaceTrack.Crossing(under.Days, under.Claims, Standing(judged), Account(9_000_000), Defaults, Now).Alerts);

        var over = Year(40_000, 3_100_000);
        var once = PaceTrack.Crossing(over.Days, over.Claims, Standing(JudgedThrough9June(over, 9_000_000)), Account(9_000_000), Defaults, Now);
        Assert.Empty(PaceTrack.Crossing(over.Days, over.Claims, Standing(once), Account(9_000_000), Defaults, Now).Alerts);
    }

    [Fact]
    public void Only_the_first_day_not_yet_judged_is_open()
    {
        // Judged through 8 June only: 9 June has not ended for this account, so a crossing on 10 June waits for it.
        var year = Year(40_000, 3_100_000);
        var judged = PaceTrack.Advance(year.Days, year.Claims, default, Account(9_000_000), new DateOnly(2026, 6, 8), Defaults, Now);

        Assert.Empty(PaceTrack.Crossing(year.Days, year.Claims, Standing(judged), Account(9_000_000), Defaults, Now).Alerts);
    }

    [Fact]
    public void Account_without_a_budget_is_never_exhausted()
    {
        var year = Year(40_000, 3_100_000);
        var account = Account(9_000_000) with { AnnualBudget = null };
        Assert.Empty(PaceTrack.Crossing(year.Days, year.Claims, default, account, Defaults, Now).Alerts);
    }
}
