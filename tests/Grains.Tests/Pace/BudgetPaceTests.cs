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
        Assert.Equal(decimal.Round(60m + (2.8m * 184 / 28), 2), reading.ProjectedYearEnd);
        Assert.Equal(AlertSeverity.Warning, reading.Level);
    }

    [Fact]
    public void Projection_follows_the_recent_rate_not_the_year_so_far()
    {
        // Nothing until June, then 1 a day for the last 28 days: the projection runs that rate to the year end.
        var days = Enumerable.Range(0, 28).Select(i => (DailySpend.Key(new DateOnly(2026, 6, 3).AddDays(i)), 1m)).ToArray();
        var reading = BudgetPace.Read(new DateOnly(2026, 6, 30), 2026, 1000m, null, Spend(days), Defaults);
        Assert.Equal(28m + 184m, reading.ProjectedYearEnd);
    }

    [Fact]
    public void Projection_past_110_percent_is_critical_even_on_pace_so_far()
    {
        // On pace until late May, then four weeks at three times the rate.
        var days = new Dictionary<int, decimal>();
        for (var d = new DateOnly(2026, 1, 1); d <= new DateOnly(2026, 6, 30); d = d.AddDays(1))
        {
            days[DailySpend.Key(d)] = d > new DateOnly(2026, 6, 2) ? 3m : 1m;
        }

        var reading = BudgetPace.Read(new DateOnly(2026, 6, 30), 2026, 365m, null, new DailySpend(days), Defaults);
        Assert.True(reading.ProjectedShare > 1.1m, $"projected {reading.ProjectedShare}");
        Assert.Equal(AlertSeverity.Critical, reading.Level);
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
        var reading = new PaceReading(new DateOnly(2026, 6, 1), 100, 0, 0, 0.4m + (decimal)gap, 0.4m, 100, 1.0m, null);
        Assert.Equal(expected, BudgetPace.LevelOf(reading, Defaults, easing: 0));
    }
}
