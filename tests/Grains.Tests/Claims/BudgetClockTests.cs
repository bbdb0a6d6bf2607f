using Monitoring.Claims;

namespace Monitoring.Grains.Tests.Claims;

public sealed class BudgetClockTests
{
    [Fact]
    public void Budget_date_is_read_on_the_china_clock()
    {
        // 16:30 UTC on 31 March is 00:30 on 1 April in Beijing: an April claim.
        var settled = new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 4, 1), BudgetClock.BudgetDate(settled));
        Assert.Equal(202604, BudgetClock.MonthKey(BudgetClock.BudgetDate(settled)));
    }
}
