using Monitoring.Alerts;
using Monitoring.Registry;
using Monitoring.Pace;

namespace Monitoring.Grains.Tests.Pace;

public sealed class PaceAlarmTests
{
    private static readonly PaceThresholds Defaults = new();

    private static PaceReading Gap(decimal points, decimal projectedShare = 1.0m)
    {
        var reading = new PaceReading(new DateOnly(2026, 6, 1), 100, 0, 0, 0.4m + (points / 100), 0.4m, 100, projectedShare, null);
        return reading with { Level = BudgetPace.LevelOf(reading, Defaults, 0) };
    }

    [Fact]
    public void Crossing_raises_once_and_staying_raises_nothing()
    {
        Assert.Equal((AlertSeverity.Notice, AlertTransition.Raised), PaceAlarm.Next(null, Gap(6), Defaults));
        Assert.Equal((AlertSeverity.Notice, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Notice, Gap(7), Defaults));
    }

    [Fact]
    public void Worsening_escalates()
    {
        Assert.Equal((AlertSeverity.Warning, AlertTransition.Escalated), PaceAlarm.Next(AlertSeverity.Notice, Gap(11), Defaults));
        Assert.Equal((AlertSeverity.Critical, AlertTransition.Escalated), PaceAlarm.Next(AlertSeverity.Warning, Gap(11, 1.2m), Defaults));
    }

    [Fact]
    public void Dipping_just_under_a_threshold_holds_the_level()
    {
        Assert.Equal((AlertSeverity.Notice, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Notice, Gap(4), Defaults));
        Assert.Equal((AlertSeverity.Warning, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Warning, Gap(8.5m), Defaults));
    }

    [Fact]
    public void Recovering_past_the_band_eases_then_clears()
    {
        Assert.Equal((AlertSeverity.Notice, AlertTransition.Eased), PaceAlarm.Next(AlertSeverity.Warning, Gap(7), Defaults));
        Assert.Equal(((AlertSeverity?)null, AlertTransition.Cleared), PaceAlarm.Next(AlertSeverity.Notice, Gap(2.9m), Defaults));
    }

    [Fact]
    public void Exhaustion_raises_at_the_whole_budget_and_clears_below_the_band()
    {
        var full = new PaceReading(new DateOnly(2026, 11, 1), 100, 100, 0, 1.0m, 0.8m, 120, 1.2m, AlertSeverity.Critical);
        Assert.Equal((true, AlertTransition.Raised), PaceAlarm.NextExhaustion(false, full, Defaults));
        Assert.Equal((true, (AlertTransition?)null), PaceAlarm.NextExhaustion(true, full with { UsedShare = 0.99m }, Defaults));
        Assert.Equal((false, AlertTransition.Cleared), PaceAlarm.NextExhaustion(true, full with { UsedShare = 0.97m }, Defaults));
    }
}
