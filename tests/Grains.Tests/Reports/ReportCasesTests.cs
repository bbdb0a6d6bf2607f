using Monitoring.Cases;
using Monitoring.Registry;
using Monitoring.Reports;

namespace Monitoring.Grains.Tests.Reports;

public sealed class ReportCasesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly FundAccountProfile County = new(FundLevel.County, "530922", "云县", "530922", "530900", null, null, 2026, 120_000_000m, null);
    private static readonly FundAccountProfile Alliance = new(FundLevel.Alliance, "YX-TIGHT", "云县紧密型医共体", "530922", "530900", "YX-TIGHT", "tight", 2026, 40_000_000m, null);

    private static DateTimeOffset On(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, China);

    private static InspectionCase Case(string id, string status, DateTimeOffset opened, decimal atStake, string county = "530922", string? alliance = "YX-TIGHT",
        CaseDecision? decision = null, params LedgerBooking[] bookings) => new()
    {
        CaseId = id, Kind = "split-hospitalization", Severity = "warning", CountyId = county, AllianceId = alliance, HospitalId = "H53092100201",
        AmountAtStake = atStake, SummaryZh = "z", SummaryEn = "e", Status = status, OpenedAt = opened, OpenedBy = "system", DueAt = opened.AddDays(30),
        Decision = decision, Bookings = bookings,
    };

    private static CaseDecision Decided(string outcome, DateTimeOffset at, decimal amount = 0m) => new(outcome, amount, "r", "稽核员", "county:530922", at);

    private static readonly InspectionCase[] Cases =
    [
        // Opened in March, still open.
        Case("C1", CaseStatus.Open, On(3, 2), 10_000m),
        // Opened in February, confirmed in March with 6,000 recovered (booked in March).
        Case("C2", CaseStatus.Confirmed, On(2, 20), 8_000m, decision: Decided(CaseStatus.Confirmed, On(3, 5), 6_000m),
            bookings: new LedgerBooking("B2", -6_000m, On(3, 5), "recovery")),
        // Opened and dismissed in March.
        Case("C3", CaseStatus.Dismissed, On(3, 10), 3_000m, decision: Decided(CaseStatus.Dismissed, On(3, 12))),
        // Confirmed in January, overturned on appeal in March: the 2,000 recovered in January goes back in March.
        Case("C4", CaseStatus.Dismissed, On(1, 5), 2_000m, decision: Decided(CaseStatus.Confirmed, On(1, 20), 2_000m),
            bookings: [new LedgerBooking("B4", -2_000m, On(1, 20), "recovery"), new LedgerBooking("B4r", 2_000m, On(3, 25), "appeal overturned")]),
        // Opened at 00:30 on 1 April China time (still 31 March in UTC): April's, not March's.
        Case("C5", CaseStatus.Assigned, new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero), 5_000m),
        // Another county's and another alliance's case: never in this report.
        Case("C6", CaseStatus.Open, On(3, 3), 50_000m, county: "530923", alliance: "FQ-TIGHT"),
        // The county's, outside the alliance (a hospital not in YX-TIGHT).
        Case("C7", CaseStatus.UnderReview, On(3, 4), 7_000m, alliance: null),
    ];

    [Fact]
    public void County_month_counts_cases_opened_decided_and_recovered_in_it_in_china_time()
    {
        var march = ReportCases.Of(County, 3, Cases);

        Assert.Equal(3, march.Opened);                               // C1, C3, C7 (C5 is April's in China time)
        Assert.Equal(20_000m, march.OpenedAtStake);
        Assert.Equal(2, march.Decided);                              // C2 confirmed, C3 dismissed; C4 was decided in January
        Assert.Equal(1, march.Confirmed);
        Assert.Equal(1, march.Dismissed);
        Assert.Equal(4_000m, march.Recovered);                      // 6,000 recovered less 2,000 returned on appeal
        Assert.Equal(3, march.Active);                               // C1, C5, C7
        Assert.Equal(22_000m, march.ActiveAtStake);
    }

    [Fact]
    public void Alliance_report_keeps_its_own_hospitals_cases_only()
    {
        var march = ReportCases.Of(Alliance, 3, Cases);

        Assert.Equal(2, march.Opened);                               // C1, C3: C7 is outside the alliance, C6 another county's
        Assert.Equal(13_000m, march.OpenedAtStake);
        Assert.Equal(2, march.Active);                               // C1, C5
    }

    [Fact]
    public void January_recovery_is_januarys()
    {
        var january = ReportCases.Of(County, 1, Cases);

        Assert.Equal(1, january.Opened);
        Assert.Equal(1, january.Decided);
        Assert.Equal(2_000m, january.Recovered);
    }
}
