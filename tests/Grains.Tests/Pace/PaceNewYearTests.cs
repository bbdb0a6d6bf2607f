using Monitoring.Alerts;
using Monitoring.Pace;
using Monitoring.Registry;

namespace Monitoring.Grains.Tests.Pace;

/// <summary>A fund account that was judged through one year and is judged in the next (the demo's year loop, or a real new year).</summary>
public sealed class PaceNewYearTests
{
    private static FundAccountProfile Account(int fundYear) =>
        new("county", "530922", "云县", "530922", "530900", null, null, fundYear, 1_000_000m, null);

    [Fact]
    public void The_old_years_critical_level_is_no_standing_in_the_new_year()
    {
        // Critical and exhausted at the end of 2026; 2027 has spent nothing of its new budget by 10 January.
        var standing = new PaceStanding(20261231, AlertSeverity.Critical, Exhausted: true, LevelSince: 20261101);
        var days = new Dictionary<int, decimal> { [20261215] = 1_200_000m };

        var progress = PaceTrack.Advance(days, null, standing, Account(2027), new DateOnly(2027, 1, 10), new PaceThresholds(), DateTimeOffset.UnixEpoch);

        Assert.Equal(20270110, progress.PacedThrough);
        Assert.Null(progress.Level);
        Assert.False(progress.Exhausted);
        Assert.Equal(0, progress.LevelSince);
        Assert.Empty(progress.Alerts);
    }

    [Fact]
    public void Within_one_year_the_standing_carries_on()
    {
        var standing = new PaceStanding(20270110, AlertSeverity.Critical, Exhausted: false, LevelSince: 20270105);
        var days = new Dictionary<int, decimal> { [20270103] = 900_000m };

        var progress = PaceTrack.Advance(days, null, standing, Account(2027), new DateOnly(2027, 1, 11), new PaceThresholds(), DateTimeOffset.UnixEpoch);

        Assert.Equal(20270111, progress.PacedThrough);
        Assert.Equal(AlertSeverity.Critical, progress.Level);
        Assert.Equal(20270105, progress.LevelSince);
    }
}
