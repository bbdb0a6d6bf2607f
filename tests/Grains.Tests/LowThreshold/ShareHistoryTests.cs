using Monitoring.Watch;
using Monitoring.LowThreshold;

namespace Monitoring.Grains.Tests.LowThreshold;

public sealed class ShareHistoryTests
{
    private static readonly int Week0 = SettlementWeek.Of(new DateOnly(2026, 3, 5));
    // 5 March begins week 9 of the fund year (weeks count from 1 January), so the weeks used stay in March.

    private static AdmissionCandidate Stay(string claimId, int week, string drg = "DT15") =>
        new(claimId, drg, "J06.900", 1, 800m, SettlementWeek.Start(week).AddDays(2), true);

    private static ShareHistory With(params (int Week, int Stays, int ShortAndCheap)[] weeks)
    {
        var history = new ShareHistory();
        var n = 0;
        foreach (var (week, stays, events) in weeks)
        {
            for (var i = 0; i < stays; i++)
            {
                history.Judged(week, Stay($"S{n++}", week), i < events, 2000, +1);
            }
        }

        return history;
    }

    [Fact]
    public void Before_sums_the_weeks_before_the_given_one_within_the_baseline_weeks()
    {
        var history = With((Week0, 10, 1), (Week0 + 1, 20, 2), (Week0 + 2, 30, 3), (Week0 + 3, 40, 9));

        Assert.Equal((50L, 5L, 2), history.Before(Week0 + 3, 2));
        Assert.Equal((60L, 6L, 3), history.Before(Week0 + 3, 26));
        Assert.Equal((0L, 0L, 0), history.Before(Week0, 26));
    }

    [Fact]
    public void ByDrg_sums_the_window_ending_with_the_given_week_per_adrg_whatever_severity_was_coded()
    {
        var history = new ShareHistory();
        history.Judged(Week0, Stay("A", Week0, "DT15"), true, 2000, +1);
        history.Judged(Week0 + 1, Stay("B", Week0 + 1, "DT11"), false, 2000, +1);
        history.Judged(Week0 + 1, Stay("C", Week0 + 1, "GU25"), true, 2000, +1);
        history.Judged(Week0 + 2, Stay("D", Week0 + 2, "GU25"), true, 2000, +1);

        var window = history.ByDrg(Week0 + 1, 2);

        // Strata are ADRGs: a light case coded heavier (DT11) is counted with its group, not apart from it.
        Assert.Equal(new DrgCount(2, 1), window["DT1"]);
        Assert.Equal(new DrgCount(1, 1), window["GU2"]);
    }

    [Fact]
    public void A_reversed_short_cheap_stay_leaves_its_week_its_month_and_the_examples()
    {
        var history = new ShareHistory();
        var stay = Stay("A", Week0);
        history.Admitted(stay.SettledDay, +1);
        history.Judged(Week0, stay, true, 2000, +1);

        history.Admitted(stay.SettledDay, -1);
        history.Judged(Week0, stay, true, 0, -1);

        Assert.Equal((0, 0), (history.Week(Week0).Stays, history.Week(Week0).ShortAndCheap));
        Assert.Empty(history.Examples(Week0, Week0, 10));
        Assert.Equal(new MonthShare(2026, 3, 0, 0, 0), Assert.Single(history.Months));
    }

    [Fact]
    public void Months_count_admissions_apart_from_the_stays_judged()
    {
        var history = new ShareHistory();
        history.Admitted(new DateOnly(2026, 3, 4), +1);
        history.Admitted(new DateOnly(2026, 3, 5), +1);
        history.Judged(Week0, Stay("A", Week0), true, 2000, +1);

        var month = Assert.Single(history.Months);
        Assert.Equal(new MonthShare(2026, 3, 2, 1, 1), month);
        Assert.Equal(1.0, month.Share);
    }

    [Fact]
    public void Examples_are_the_latest_first_with_cost_against_the_median()
    {
        var history = new ShareHistory();
        history.Judged(Week0, Stay("OLD", Week0), true, 1800, +1);
        history.Judged(Week0 + 1, Stay("NEW", Week0 + 1), true, 2000, +1);

        var examples = history.Examples(Week0, Week0 + 1, 1);

        var example = Assert.Single(examples);
        Assert.Equal(("NEW", 2000.0, 800m), (example.ClaimId, example.DrgMedianCost, example.TotalCost));
    }

    [Fact]
    public void Evict_forgets_weeks_before_the_oldest_kept()
    {
        var history = With((Week0, 10, 1), (Week0 + 10, 10, 1));

        history.Evict(Week0 + 5);

        Assert.Equal([Week0 + 10], history.Weeks.Select(w => w.Week));
    }
}
