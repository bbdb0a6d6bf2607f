using Monitoring.Alerts;
using Monitoring.Dashboard.Overview;
using Monitoring.Funds.Snapshots;
using Monitoring.Pace;

namespace Monitoring.Dashboard.Tests.Overview;

public sealed class MonthPlanTests
{
    /// <summary>365,000,000 yuan over 2026 (365 days): 1,000,000 yuan a day without a profile.</summary>
    private static FundStatus Status(DateOnly judgedThrough, decimal[]? paid = null) => new()
    {
        Level = "county", Id = "530922", Name = "云县", CountyId = "530922", RegionId = "530900", FundYear = 2026,
        AnnualBudget = 365_000_000m, FundPaid = 0m, ClaimsCounted = 0,
        Months = [.. (paid ?? []).Select((p, i) => new MonthTotal(202601 + i, p, 1, 0))],
        Pace = new PaceReading(judgedThrough, 365_000_000m, 0m, 0m, 0m, 0m, 0m, 0m, AlertSeverity.Notice),
    };

    [Fact]
    public void Months_before_today_are_planned_whole_the_current_one_to_date_and_later_ones_not_yet()
    {
        var months = MonthPlan.Year(Status(new DateOnly(2026, 3, 15), [30_000_000m, 28_000_000m, 20_000_000m]), null);

        Assert.Equal(12, months.Count);
        Assert.Equal(("2026-01", 30_000_000m, 31_000_000m, 31_000_000m), (months[0].Month, months[0].FundPaid, months[0].Planned, months[0].PlannedToDate));
        Assert.Equal((31_000_000m, 15_000_000m), (months[2].Planned!.Value, months[2].PlannedToDate!.Value));
        Assert.Equal((30_000_000m, (decimal?)null), (months[3].Planned!.Value, months[3].PlannedToDate));
        Assert.Equal(0m, months[3].FundPaid);
    }

    [Fact]
    public void A_monthly_profile_sets_each_months_plan()
    {
        decimal[] profile = [0.12m, 0.06m, 0.08m, 0.08m, 0.08m, 0.08m, 0.08m, 0.08m, 0.08m, 0.08m, 0.08m, 0.10m];

        var months = MonthPlan.Year(Status(new DateOnly(2026, 2, 14)), profile);

        Assert.Equal(0.12m * 365_000_000m, months[0].Planned);
        Assert.Equal(0.06m * 365_000_000m * 14 / 28, months[1].PlannedToDate);
        Assert.Equal(0.10m * 365_000_000m, months[11].Planned);
    }

    [Fact]
    public void The_current_month_is_planned_to_the_hour_its_spend_reaches()
    {
        // Spend cut off at 12:00 on 2 February: January whole, February's plan one and a half days, not two.
        var status = Status(new DateOnly(2026, 2, 2), [31_000_000m, 1_500_000m]) with
        {
            AsOf = new DateTimeOffset(2026, 2, 2, 12, 0, 0, TimeSpan.FromHours(8)),
        };

        var months = MonthPlan.Year(status, null);

        Assert.Equal(31_000_000m, months[0].PlannedToDate);
        Assert.Equal(1_500_000m, months[1].PlannedToDate);
        Assert.Null(months[2].PlannedToDate);
    }

    [Fact]
    public void A_spend_a_few_hours_into_a_month_has_a_plan_of_those_hours()
    {
        var status = Status(new DateOnly(2026, 2, 28)) with { AsOf = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.FromHours(8)) };

        var months = MonthPlan.Year(status, null);

        Assert.Equal(28_000_000m, months[1].PlannedToDate);
        Assert.Equal(250_000m, months[2].PlannedToDate);
    }
}
