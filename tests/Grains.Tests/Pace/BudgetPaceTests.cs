using Monitoring.Alerts;
using Monitoring.Pace;

namespace Monitoring.Grains.Tests.Pace;

public sealed class BudgetPaceTests
{
    private static readonly PaceThresholds Defaults = new();

    private static DailySpend Spend(params (int Day, decimal Amount)[] days) => new(days.ToDictionary(d => d.Day, d => d.Amount));

    [Fact]
    public void Flat_time_share_counts_days()
    {
        Assert.Equal(181m / 365, BudgetPace.TimeShare(new DateOnly(2026, 6, 30), 2026, null));
        Assert.Equal(0m, BudgetPace.TimeShare(new DateOnly(2025, 12, 31), 2026, null));
        Assert.Equal(1m, BudgetPace.TimeShare(new DateOnly(2027, 1, 1), 2026, null));
    }

    [Fact]
    public void Profile_time_share_is_cumulative_by_month_and_linear_within_it()
    {
        decimal[] profile = [0.2m, 0.05m, 0.075m, 0.075m, 0.075m, 0.075m, 0.075m, 0.075m, 0.075m, 0.075m, 0.075m, 0.05m];
        Assert.Equal(0.2m, BudgetPace.TimeShare(new DateOnly(2026, 1, 31), 2026, profile));
        Assert.Equal(0.2m + (0.05m * 14 / 28), BudgetPace.TimeShare(new DateOnly(2026, 2, 14), 2026, profile));
    }

    [Fact]
    public void Reading_compares_used_share_with_time_share()
    {
        // 100 budget, flat; by 30 June (181/365 of the year) 60 spent, most of it in January and the recent rate low:
        // used 60% against 49.6% (warning), while the projection stays under 110% (not critical).
        var days = new Dictionary<int, decimal> { [20260115] = 57.2m };
        for (var d = new DateOnly(2026, 6, 3); d <= new DateOnly(2026, 6, 30); d = d.AddDays(1))
        {
            days[DailySpend.Key(d)] = 0.1m;
        }

        var reading = BudgetPace.Read(new DateOnly(2026, 6, 30), 2026, 100m, null, new DailySpend(days), Defaults);
        Assert.Equal(0.6m, reading.UsedShare);
        Assert.Equal(49.59m, reading.ExpectedToDate);
        // No settlements counted, so the recent window has no credibility: the year-to-date rate projects the year.
        Assert.Equal(decimal.Round(60m * 365 / 181, 2), reading.ProjectedYearEnd);
        Assert.False(reading.ProjectionReliable);
        Assert.Equal(AlertSeverity.Warning, reading.Level);
    }

    [Fact]
    public void Projection_blends_recent_and_year_to_date_rates_by_the_volume_behind_them()
    {
        // 25 settlements every day of the year (a window of 28 days holds 700 at that rate), paid nothing until June and
        // then 1 a day for the last 28 days: Z = 700 / (700 + 100) = 0.875 on the recent rate (28 + 184), the rest on the
        // year so far (28 × 365 / 181).
        var days = Enumerable.Range(0, 181).ToDictionary(i => DailySpend.Key(new DateOnly(2026, 1, 1).AddDays(i)), i => i >= 153 ? 1m : 0m);
        var claims = days.Keys.ToDictionary(k => k, _ => 25);
        var reading = BudgetPace.Read(new DateOnly(2026, 6, 30), 2026, 1000m, null, new DailySpend(days, claims), Defaults);
        Assert.Equal(0.875m, reading.Credibility);
        Assert.Equal(decimal.Round((0.875m * (28m + 184m)) + (0.125m * 28m * 365 / 181), 2), reading.ProjectedYearEnd);
        Assert.Equal(700, reading.WindowClaims);
    }

    [Fact]
    public void Credible_projection_past_110_percent_is_a_warning_on_pace_so_far_and_critical_once_ahead()
    {
        // On pace until early June, then four weeks at three times the rate, a thousand settlements a week.
        var days = new Dictionary<int, decimal>();
        var claims = new Dictionary<int, int>();
        for (var d = new DateOnly(2026, 1, 1); d <= new DateOnly(2026, 6, 30); d = d.AddDays(1))
        {
            days[DailySpend.Key(d)] = d > new DateOnly(2026, 6, 2) ? 3m : 1m;
            claims[DailySpend.Key(d)] = 150;
        }

        var onPace = BudgetPace.Read(new DateOnly(2026, 6, 30), 2026, 450m, null, new DailySpend(days, claims), Defaults);
        Assert.True(onPace.ProjectedLowShare > 1.1m, $"projected {onPace.ProjectedLowShare}");
        Assert.True(onPace.GapPoints < 5, $"gap {onPace.GapPoints}");
        Assert.Equal(AlertSeverity.Warning, onPace.Level);

        var ahead = BudgetPace.Read(new DateOnly(2026, 6, 30), 2026, 400m, null, new DailySpend(days, claims), Defaults);
        Assert.True(ahead.GapPoints is >= 5 and < 10, $"gap {ahead.GapPoints}");
        Assert.Equal(AlertSeverity.Critical, ahead.Level);
    }

    [Fact]
    public void Projection_of_a_thin_window_cannot_raise_anything()
    {
        // Twenty settlements in four weeks, at a rate that would project 300%: too few to trust.
        var days = Enumerable.Range(0, 20).ToDictionary(i => DailySpend.Key(new DateOnly(2026, 6, 3).AddDays(i)), _ => 10m);
        var claims = days.Keys.ToDictionary(k => k, _ => 1);
        var reading = BudgetPace.Read(new DateOnly(2026, 6, 30), 2026, 400m, null, new DailySpend(days, claims), Defaults);
        Assert.False(reading.ProjectionReliable);
        Assert.Null(BudgetPace.LevelOf(reading with { UsedShare = reading.TimeShare }, Defaults, 0));
    }

    [Fact]
    public void Spend_of_other_years_does_not_count()
    {
        var reading = BudgetPace.Read(new DateOnly(2026, 1, 10), 2026, 100m, null, Spend((20251231, 99m), (20260105, 1m)), Defaults);
        Assert.Equal(1m, reading.FundPaid);
    }

    [Theory]
    [InlineData(0.04, null)]
    [InlineData(0.05, AlertSeverity.Notice)]
    [InlineData(0.099, AlertSeverity.Notice)]
    [InlineData(0.10, AlertSeverity.Warning)]
    public void Gap_thresholds_are_five_and_ten_points(double gap, AlertSeverity? expected)
    {
        var reading = new PaceReading(new DateOnly(2026, 6, 1), 100, 0, 0, 0.4m + (decimal)gap, 0.4m, 100, 1.0m, null, ProjectedLowShare: 0.95m);
        Assert.Equal(expected, BudgetPace.LevelOf(reading, Defaults, easing: 0));
    }
}
