using Monitoring.Alerts;
using Monitoring.Funds.Snapshots;
using Monitoring.Registry;
using Monitoring.Reports;

namespace Monitoring.Grains.Tests.Reports;

public sealed class MonthlyFundReportTests
{
    private static readonly FundAccountProfile County = new(FundLevel.County, "530922", "云县", "530922", "530900", null, null, 2026, 120_000_000m, null);

    private static FundStatus Status(params MonthTotal[] months) => new()
    {
        Level = FundLevel.County, Id = "530922", Name = "云县", CountyId = "530922", RegionId = "530900", FundYear = 2026,
        AnnualBudget = 120_000_000m, FundPaid = months.Sum(m => m.FundPaid), ClaimsCounted = months.Sum(m => m.Settlements), Months = months,
    };

    private static Alert AlertOn(string id, string county, DateTimeOffset asOf) => new()
    {
        AlertId = id, Kind = "budget-pace", Severity = AlertSeverity.Warning, Transition = AlertTransition.Raised, SubjectLevel = FundLevel.County,
        SubjectId = county, CountyId = county, RaisedAt = asOf, AsOf = asOf, MessageZh = "z", MessageEn = "e", EvidenceJson = "{}",
    };

    [Fact]
    public void Month_paid_is_set_against_its_plan_and_pace_is_read_at_the_months_end()
    {
        var report = MonthlyFundReport.Build(County, Status(new MonthTotal(202601, 9_000_000m, 900, 0), new MonthTotal(202602, 12_000_000m, 1_150, 10), new MonthTotal(202512, 5m, 1, 0)), 2, []);

        Assert.Equal(2, report.Months.Count);
        var february = report.Current;
        Assert.Equal(12_000_000m, february.FundPaid);
        Assert.Equal(1_140, february.Claims);                          // settlements less reversals
        Assert.Equal(21_000_000m, february.CumulativePaid);
        Assert.Equal(0.175m, february.UsedShare);                      // 21M of 120M
        Assert.Equal(59m / 365m, february.TimeShare, 6);               // flat by days without a profile
        Assert.Equal(decimal.Round(120_000_000m * 28m / 365m, 2), february.Planned!.Value, 0);
        Assert.Equal(decimal.Round((0.175m - 59m / 365m) * 100m, 2), february.GapPoints);
    }

    [Fact]
    public void Only_alerts_of_the_fund_about_the_month_are_kept()
    {
        var china = TimeSpan.FromHours(8);
        Alert[] alerts =
        [
            AlertOn("in", "530922", new DateTimeOffset(2026, 3, 31, 23, 59, 59, china)),
            AlertOn("april", "530922", new DateTimeOffset(2026, 4, 1, 0, 0, 0, china)),
            AlertOn("other-county", "530923", new DateTimeOffset(2026, 3, 10, 0, 0, 0, china)),
        ];

        var report = MonthlyFundReport.Build(County, Status(), 3, alerts);

        Assert.Equal(["in"], report.Alerts.Select(a => a.AlertId));
        Assert.All(report.Months, m => Assert.Equal(0m, m.FundPaid));
    }

    [Fact]
    public void The_month_the_data_stops_in_is_set_against_its_plan_to_the_same_moment()
    {
        // Data to 2 February 12:00: February's plan is a day and a half of the year's budget, not the whole month's (issue 26).
        var asOf = new DateTimeOffset(2026, 2, 2, 12, 0, 0, TimeSpan.FromHours(8));
        var report = MonthlyFundReport.Build(County, Status(new MonthTotal(202601, 9_000_000m, 900, 0), new MonthTotal(202602, 500_000m, 40, 0)) with { AsOf = asOf }, 2, []);

        Assert.Equal(decimal.Round(120_000_000m * 1.5m / 365m, 2), report.Current.Planned!.Value, 0);
        Assert.Equal(32.5m / 365m, report.Current.TimeShare, 6);
        Assert.Equal(decimal.Round(120_000_000m * 31m / 365m, 2), report.Months[0].Planned!.Value, 0);
    }

    [Fact]
    public void A_county_projected_over_its_budget_shows_a_negative_balance_and_the_overrun_it_bears()
    {
        var status = Status(new MonthTotal(202601, 9_000_000m, 900, 0)) with
        {
            Pace = new Monitoring.Pace.PaceReading(new DateOnly(2026, 1, 31), 120_000_000m, 9_000_000m, 8_000_000m, 0.075m, 0.08m, 129_000_000m, 1.075m, null,
                ProjectedLowShare: 0.98m),
        };
        var report = MonthlyFundReport.Build(County, status, 1, []);

        Assert.Equal(-9_000_000m, report.ProjectedBalance);
        Assert.Equal((0m, 9_000_000m), (report.ProjectedRetained!.Value, report.ProjectedOverrunBorne!.Value));
        Assert.True(report.NormalDespiteProjectedOverrun);
        Assert.Equal(0.98m, report.ProjectedLowShare);
    }
}
