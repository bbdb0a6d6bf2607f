using Monitoring.Dashboard.Overview;

namespace Monitoring.Dashboard.Tests.Overview;

public sealed class RiskOrderTests
{
    private static OverviewFund Fund(string id, string? level, decimal? gap, decimal? overrun) =>
        new("county", id, id, 1_000_000m, 0m, null, null, gap, null, overrun, level, RiskOrder.IsProblem(level), null, []);

    [Fact]
    public void Worst_level_first_then_larger_gap_then_larger_projected_overrun_then_id()
    {
        var funds = new[]
        {
            Fund("a-calm", "none", -3m, -50_000m),
            Fund("b-notice-small-gap", "notice", 5.5m, 10_000m),
            Fund("c-unjudged", null, null, null),
            Fund("d-critical", "critical", 2m, 900_000m),
            Fund("e-notice-big-gap", "notice", 8m, -1m),
            Fund("f-warning", "warning", 11m, null),
            Fund("g-notice-same-gap-more-overrun", "notice", 5.5m, 20_000m),
            Fund("h-notice-same-gap-no-projection", "notice", 5.5m, null),
        };

        var ranked = funds.Order(RiskOrder.Comparer).Select(f => f!.Id).ToArray();

        Assert.Equal(
            ["d-critical", "f-warning", "e-notice-big-gap", "g-notice-same-gap-more-overrun", "b-notice-small-gap",
             "h-notice-same-gap-no-projection", "a-calm", "c-unjudged"],
            ranked);
    }

    [Fact]
    public void Level_outranks_a_larger_gap()
    {
        // A fund that has spent its whole budget early can stand critical with a smaller gap than a noticed one.
        Assert.True(RiskOrder.Compare(Fund("x", "critical", 1m, 0m), Fund("y", "notice", 30m, 0m)) < 0);
    }

    [Theory]
    [InlineData("critical", true)]
    [InlineData("warning", true)]
    [InlineData("notice", true)]
    [InlineData("none", false)]
    [InlineData(null, false)]
    public void A_problem_is_a_fund_at_a_warning_level(string? level, bool problem) =>
        Assert.Equal(problem, RiskOrder.IsProblem(level));
}
