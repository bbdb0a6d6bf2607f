using Monitoring.Alerts;
using Monitoring.Pace;
using Monitoring.Registry;

namespace Monitoring.Grains.Tests.Pace;

/// <summary>
/// A version of the pace rule published from a settlement day judges that day on: the days before it keep the
/// judgement of the version then in force, whether the year is judged in one go or day by day.
/// </summary>
public sealed class PaceThresholdsByDayTests
{
    private static readonly FundAccountProfile Account =
        new("hospital", "H53092290001", "民营医院", "530922", "530900", null, null, 2026, 500_000, null);

    private static readonly PaceThresholds Seeded = new();
    private static readonly PaceThresholds Tighter = new() { NoticeGapPoints = 3, WarningGapPoints = 10 };
    private static readonly DateOnly From = new(2026, 4, 15);

    private static PaceThresholds On(DateOnly day) => day >= From ? Tighter : Seeded;

    /// <summary>
    /// 32.5% of the budget spent on 14 April, the 104th day: 4.0 points ahead of the 28.5% of the year gone, 3.7 on
    /// the 15th; it would clear under 1 point (3 less the 2-point band), on 25 April.
    /// </summary>
    private static Dictionary<int, decimal> Spend() => new() { [20260414] = 162_500m };

    [Fact]
    public void Lower_notice_gap_raises_from_its_effective_day_and_not_before()
    {
        var judged = PaceTrack.Advance(Spend(), null, default, Account, new DateOnly(2026, 4, 20), On, DateTimeOffset.UnixEpoch);

        var raised = Assert.Single(judged.Alerts);
        Assert.Equal((AlertKinds.BudgetPace, AlertTransition.Raised, AlertSeverity.Notice), (raised.Kind, raised.Transition, raised.Severity));
        Assert.Equal(From, DateOnly.FromDateTime(raised.AsOf.DateTime));
        Assert.Contains("\"noticeGapPoints\":3", raised.EvidenceJson);

        // Under the seeded thresholds alone a 3.6-point gap raises nothing.
        Assert.Empty(PaceTrack.Advance(Spend(), null, default, Account, new DateOnly(2026, 4, 20), Seeded, DateTimeOffset.UnixEpoch).Alerts);
    }

    [Fact]
    public void Judging_day_by_day_raises_what_judging_the_month_at_once_raises()
    {
        var once = PaceTrack.Advance(Spend(), null, default, Account, new DateOnly(2026, 4, 20), On, DateTimeOffset.UnixEpoch);

        var standing = default(PaceStanding);
        var daily = new List<Alert>();
        for (var day = new DateOnly(2026, 4, 1); day <= new DateOnly(2026, 4, 20); day = day.AddDays(1))
        {
            var p = PaceTrack.Advance(Spend(), null, standing, Account, day, On, DateTimeOffset.UnixEpoch);
            daily.AddRange(p.Alerts);
            standing = new PaceStanding(p.PacedThrough, p.Level, p.Exhausted, p.LevelSince);
        }

        Assert.Equal(once.Alerts.Select(a => a.AlertId), daily.Select(a => a.AlertId));
        Assert.Equal(once.Level, standing.Level);
    }
}
