using Monitoring.Alerts;
using Monitoring.LowThreshold;
using Monitoring.Statistics;

namespace Monitoring.Grains.Tests.LowThreshold;

public sealed class LowThresholdJudgementTests
{
    private static readonly LowThresholdOptions Options = new();

    /// <summary>Twenty weeks of 100 stays at 4%: a baseline well past the minimum weeks and stays.</summary>
    private static readonly (long, long, int) Steady = (2000, 80, 20);

    private static WeekJudgement Judge(LowThresholdAlarm alarm, int week, int stays, int events, (long, long, int) before,
        ObservedExpected? peers = null, double? peerShare = null) =>
        LowThresholdJudgement.Judge(alarm, week, stays, events, before, peerShare, peers ?? ObservedExpected.Empty, peers is not null, Options);

    [Fact]
    public void Baseline_is_null_until_enough_weeks_and_stays_stand_behind_it()
    {
        Assert.Null(LowThresholdJudgement.Baseline((2000, 80, 7), null, Options));
        Assert.Null(LowThresholdJudgement.Baseline((119, 5, 20), null, Options));
        Assert.Equal(0.04, LowThresholdJudgement.Baseline(Steady, null, Options)!.Value, 12);
    }

    [Fact]
    public void Baseline_is_pulled_towards_the_peers_by_fifty_stays()
    {
        // (80 + 50 × 0.10) / (2000 + 50)
        Assert.Equal(85.0 / 2050, LowThresholdJudgement.Baseline(Steady, 0.10, Options)!.Value, 12);
    }

    [Fact]
    public void A_week_at_the_baseline_leaves_the_watch_quiet()
    {
        var judged = Judge(LowThresholdAlarm.Quiet, 30, 100, 4, Steady);

        Assert.Null(judged.Transition);
        Assert.Equal(CusumTrack.Quiet, judged.Next.Track);
        Assert.Equal(30, judged.Next.JudgedThroughWeek);
    }

    [Fact]
    public void A_rise_to_fifteen_percent_is_raised_as_a_warning_in_the_second_week_with_its_onset()
    {
        var first = Judge(LowThresholdAlarm.Quiet, 30, 100, 15, Steady);
        var second = Judge(first.Next, 31, 100, 15, Steady);

        // p0 = 0.04, p1 = 0.04 + 0.08 × 0.96 = 0.1168: a week adds 15·ln(p1/p0) + 85·ln((1−p1)/(1−p0)) ≈ 8.99, past
        // the threshold of 7 at once; but 15 stays where 4 were expected is a Poisson tail of about 2·10⁻⁵, short of
        // the guard's 10⁻⁶. The second week (30 where 8 were expected, about 3·10⁻⁹) raises it.
        Assert.Equal((15 * Math.Log(0.1168 / 0.04)) + (85 * Math.Log(0.8832 / 0.96)), first.Next.Track.Statistic, 9);
        Assert.True(first.Next.Track.Crosses(Options.CusumThreshold));
        Assert.Null(first.Transition);
        Assert.Equal(AlertTransition.Raised, second.Transition);
        Assert.Equal(AlarmLevel.Warning, second.Next.Level);
        Assert.Equal(30, second.Next.Track.OnsetPeriod);
        Assert.Equal((200, 30), (second.Next.Track.RunTrials, second.Next.Track.RunEvents));
        Assert.Equal(0.04, second.Next.FrozenBaseline!.Value, 12);
        Assert.True(second.OwnSignal);
        Assert.False(second.PeerSignal);
    }

    [Fact]
    public void A_small_hospital_crossing_the_threshold_on_a_handful_of_stays_is_not_raised()
    {
        // A township centre with a 2% baseline: 7 short, cheap stays in 12 push the CUSUM far past 7, but fewer than 10
        // stays stand behind the run, so the small-numbers guard holds the alert back.
        var thin = (600L, 12L, 20);
        var judged = Judge(LowThresholdAlarm.Quiet, 30, 12, 7, thin);

        Assert.True(judged.Next.Track.Crosses(Options.CusumThreshold));
        Assert.False(judged.OwnSignal);
        Assert.Null(judged.Transition);
    }

    [Fact]
    public void Without_a_baseline_the_cusum_stays_quiet_however_high_the_week()
    {
        var judged = Judge(LowThresholdAlarm.Quiet, 3, 100, 40, (200, 8, 2));

        Assert.Null(judged.Baseline);
        Assert.Equal(CusumTrack.Quiet, judged.Next.Track);
        Assert.Null(judged.Transition);
    }

    [Fact]
    public void A_hospital_far_above_its_peers_is_raised_on_peers_alone_and_critical_with_both_signals()
    {
        var farAbove = new ObservedExpected(60, 20, 500, 9, 1e-12);
        var peersOnly = Judge(LowThresholdAlarm.Quiet, 3, 100, 12, (200, 8, 2), farAbove);
        Assert.Equal(AlertTransition.Raised, peersOnly.Transition);
        Assert.Equal(AlarmLevel.Warning, peersOnly.Next.Level);
        Assert.Null(peersOnly.Next.FrozenBaseline);

        var both = Judge(Judge(LowThresholdAlarm.Quiet, 30, 100, 15, Steady, farAbove).Next, 31, 100, 15, Steady, farAbove);
        Assert.Equal(AlarmLevel.Critical, both.Next.Level);
    }

    [Fact]
    public void A_warning_is_escalated_when_the_second_signal_joins()
    {
        var warned = Judge(Judge(LowThresholdAlarm.Quiet, 30, 100, 15, Steady).Next, 31, 100, 15, Steady).Next;
        var farAbove = new ObservedExpected(60, 20, 500, 9, 1e-12);

        var judged = Judge(warned, 32, 100, 15, Steady, farAbove);

        Assert.Equal(AlertTransition.Escalated, judged.Transition);
        Assert.Equal(AlarmLevel.Critical, judged.Next.Level);
    }

    [Fact]
    public void An_alert_holds_the_statistic_at_twice_the_threshold_and_clears_only_well_below_it()
    {
        var alarm = Judge(Judge(LowThresholdAlarm.Quiet, 30, 100, 15, Steady).Next, 31, 100, 15, Steady).Next;
        for (var week = 32; week < 40; week++)
        {
            alarm = Judge(alarm, week, 100, 15, Steady).Next;
        }

        Assert.Equal(2 * Options.CusumThreshold, alarm.Track.Statistic, 12);

        // Back at 4%: each week takes about 3.4 off (4·ln(0.1168/0.04) + 96·ln(0.8832/0.96)), so the statistic is below
        // the threshold after a week or two, but the alert stands until it is at a quarter of it (1.75).
        var weeks = 0;
        WeekJudgement judged;
        do
        {
            judged = Judge(alarm, 40 + weeks++, 100, 4, Steady);
            alarm = judged.Next;
            if (judged.Transition is null)
            {
                Assert.Equal(AlarmLevel.Warning, alarm.Level);
            }
        }
        while (judged.Transition is null && weeks < 20);

        Assert.Equal(AlertTransition.Cleared, judged.Transition);
        Assert.Equal(4, weeks);
        Assert.Equal(LowThresholdAlarm.Quiet with { JudgedThroughWeek = 43 }, alarm);
    }

    [Fact]
    public void A_peer_alert_does_not_clear_while_the_ratio_is_above_the_clearing_ratio()
    {
        var farAbove = new ObservedExpected(60, 20, 500, 9, 1e-12);
        var raised = Judge(LowThresholdAlarm.Quiet, 3, 100, 12, (200, 8, 2), farAbove).Next;
        var stillHigh = new ObservedExpected(34, 20, 500, 3, 0.002);   // ratio 1.7: under the raising guard, over 1.5
        var back = new ObservedExpected(24, 20, 500, 1, 0.2);          // ratio 1.2

        Assert.Null(Judge(raised, 4, 100, 6, (300, 12, 3), stillHigh).Transition);
        Assert.Equal(AlertTransition.Cleared, Judge(raised, 4, 100, 6, (300, 12, 3), back).Transition);
    }
}
