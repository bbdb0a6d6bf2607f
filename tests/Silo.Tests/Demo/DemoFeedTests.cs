using Monitoring.Silo.Demo;

namespace Monitoring.Silo.Tests.Demo;

public sealed class DemoFeedTests
{
    private static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void SimulatedNow_half_the_year_minutes_is_mid_year()
    {
        var now = DemoFeed.SimulatedNow(YearStart, yearMinutes: 10, TimeSpan.FromMinutes(5));

        Assert.Equal(YearStart.AddDays(182.5), now);
    }

    [Fact]
    public void SimulatedNow_stops_at_the_year_end()
    {
        var now = DemoFeed.SimulatedNow(YearStart, yearMinutes: 10, TimeSpan.FromMinutes(30));

        Assert.Equal(YearStart.AddYears(1), now);
    }

    [Fact]
    public void OpenedShare_of_July_starts_the_clock_on_1_July()
    {
        var share = DemoFeed.OpenedShare(YearStart, openAtMonth: 7);
        var now = DemoFeed.SimulatedNow(YearStart, yearMinutes: 10, TimeSpan.FromMinutes(10 * share));

        // Within a second: the share goes through floating point on its way to minutes and back.
        Assert.InRange(now - new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
        Assert.Equal(0, DemoFeed.OpenedShare(YearStart, openAtMonth: 1));
    }
}
