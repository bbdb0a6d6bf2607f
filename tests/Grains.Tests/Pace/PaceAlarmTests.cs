using Monitoring.Alerts;
using Monitoring.Registry;
using Monitoring.Pace;

namespace Monitoring.Grains.Tests.Pace;

public sealed class PaceAlarmTests
{
    private static readonly PaceThresholds Defaults = new();

    /// <summary>A level in force since well before the reading's day (1 June): its dwell is over.</summary>
    private const int LongAgo = 20260401;

    private static PaceReading Gap(decimal points, decimal projectedShare = 0.95m)
    {
        var reading = new PaceReading(new DateOnly(2026, 6, 1), 100, 0, 0, 0.4m + (points / 100), 0.4m, 100, projectedShare, null,
            ProjectedLowShare: projectedShare);
        return reading with { Level = BudgetPace.LevelOf(reading, Defaults, 0) };
    }

    private static PaceReading Judged(PaceReading reading) => reading with { Level = BudgetPace.LevelOf(reading, Defaults, 0) };

    [Fact]
    public void Crossing_raises_once_and_staying_raises_nothing()
    {
        Assert.Equal((AlertSeverity.Notice, AlertTransition.Raised), PaceAlarm.Next(null, 0, Gap(6), Defaults));
        Assert.Equal((AlertSeverity.Notice, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Notice, LongAgo, Gap(7), Defaults));
    }

    [Fact]
    public void Worsening_escalates()
    {
        Assert.Equal((AlertSeverity.Warning, AlertTransition.Escalated), PaceAlarm.Next(AlertSeverity.Notice, LongAgo, Gap(11), Defaults));
        Assert.Equal((AlertSeverity.Critical, AlertTransition.Escalated), PaceAlarm.Next(AlertSeverity.Warning, LongAgo, Gap(11, 1.2m), Defaults));
        Assert.Equal((AlertSeverity.Critical, AlertTransition.Escalated), PaceAlarm.Next(AlertSeverity.Notice, LongAgo, Judged(Gap(2) with { UsedShare = 1.01m, TimeShare = 0.99m }), Defaults));
    }

    [Fact]
    public void Dipping_just_under_a_threshold_holds_the_level()
    {
        Assert.Equal((AlertSeverity.Notice, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Notice, LongAgo, Gap(4), Defaults));
        Assert.Equal((AlertSeverity.Warning, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Warning, LongAgo, Gap(8.5m), Defaults));
    }

    [Fact]
    public void Recovering_past_the_band_eases_then_clears()
    {
        Assert.Equal((AlertSeverity.Notice, AlertTransition.Eased), PaceAlarm.Next(AlertSeverity.Warning, LongAgo, Gap(7), Defaults));
        Assert.Equal(((AlertSeverity?)null, AlertTransition.Cleared), PaceAlarm.Next(AlertSeverity.Notice, LongAgo, Gap(2.9m), Defaults));
    }

    [Fact]
    public void Exhaustion_raises_at_the_whole_budget_and_clears_below_the_band()
    {
        var full = new PaceReading(new DateOnly(2026, 11, 1), 100, 100, 0, 1.0m, 0.8m, 120, 1.2m, AlertSeverity.Critical);
        Assert.Equal((true, AlertTransition.Raised), PaceAlarm.NextExhaustion(false, full, Defaults));
        Assert.Equal((true, (AlertTransition?)null), PaceAlarm.NextExhaustion(true, full with { UsedShare = 0.99m }, Defaults));
        Assert.Equal((false, AlertTransition.Cleared), PaceAlarm.NextExhaustion(true, full with { UsedShare = 0.97m }, Defaults));
    }

    [Fact]
    public void A_level_younger_than_the_dwell_holds_however_far_the_reading_recovers()
    {
        // Raised on 28 May; on 1 June the gap is back to nothing, but four settlement days are less than the seven-day dwell.
        Assert.Equal((AlertSeverity.Warning, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Warning, 20260528, Gap(0), Defaults));
        Assert.Equal(((AlertSeverity?)null, AlertTransition.Cleared), PaceAlarm.Next(AlertSeverity.Warning, 20260525, Gap(0), Defaults));
    }

    [Fact]
    public void The_dwell_never_delays_a_worsening()
    {
        Assert.Equal((AlertSeverity.Warning, AlertTransition.Escalated), PaceAlarm.Next(AlertSeverity.Notice, 20260531, Gap(10.5m), Defaults));
    }

    [Fact]
    public void Over_budget_holds_critical_until_reversals_take_it_past_the_band()
    {
        var over = Judged(Gap(2) with { UsedShare = 0.99m, TimeShare = 0.97m });
        Assert.Equal((AlertSeverity.Critical, (AlertTransition?)null), PaceAlarm.Next(AlertSeverity.Critical, LongAgo, over, Defaults));
    }
}

public sealed class PaceThresholdsTests
{
    [Fact]
    public void Defaults_are_valid_and_a_projection_ladder_upside_down_is_not()
    {
        Assert.True(new PaceThresholds().IsValid);
        Assert.False(new PaceThresholds { NoticeProjectionPercent = 115 }.IsValid);
        Assert.False(new PaceThresholds { NoticeProjectionPercent = 95 }.IsValid);
        Assert.False(new PaceThresholds { MinimumDwellDays = -1 }.IsValid);
        Assert.False(new PaceThresholds { CredibilityClaims = 0 }.IsValid);
    }
}
