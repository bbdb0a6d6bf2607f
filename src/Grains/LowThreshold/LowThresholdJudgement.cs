using Monitoring.Alerts;
using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>
/// The hospital-level half of the rule, one settled week at a time: the week's share of short, cheap stays is added to
/// a Bernoulli CUSUM against the hospital's own earlier weeks (the main signal: it finds a change and when it began),
/// and the last weeks are compared with same-level peers, case-mix adjusted (a hospital that was always far above
/// them). Either signal raises a warning, both a critical alert; the alert clears only once the CUSUM has fallen well
/// below its threshold and the peer ratio below its clearing ratio.
/// </summary>
public static class LowThresholdJudgement
{
    /// <param name="alarm">where the watch stood after the previous week</param>
    /// <param name="stays">stays judged in the week</param>
    /// <param name="shortAndCheap">short, cheap stays among them</param>
    /// <param name="ownBefore">the hospital's stays and short, cheap stays over its baseline weeks before the run being tested (or this week)</param>
    /// <param name="peerShare">the median share of its same-level peers, which a thin baseline is pulled towards; null without peers</param>
    /// <param name="peers">observed against expected over the peer window; <see cref="ObservedExpected.Empty"/> without comparable peers</param>
    public static WeekJudgement Judge(LowThresholdAlarm alarm, int week, int stays, int shortAndCheap,
        (long Stays, long ShortAndCheap, int Weeks) ownBefore, double? peerShare, ObservedExpected peers, bool peersComparable,
        LowThresholdOptions o)
    {
        var baseline = alarm.FrozenBaseline ?? Baseline(ownBefore, peerShare, o);
        var shifted = baseline is { } p0 ? RateShift.MovedFraction(p0, o.ShiftFraction) : (double?)null;
        var track = baseline is { } b && shifted is { } p1 ? alarm.Track.Add(week, stays, shortAndCheap, b, p1) : CusumTrack.Quiet;
        if (alarm.Level != AlarmLevel.None && track.Statistic > o.StatisticCapMultiple * o.CusumThreshold)
        {
            track = track with { Statistic = o.StatisticCapMultiple * o.CusumThreshold };
        }

        var ownSignal = baseline is not null && RunHolds(track, o);
        var peerSignal = peersComparable && peers.Exceeds(o.PeerMinStays, o.PeerMinExpected, o.PeerMinRatio, o.PeerMaxPValue);
        var level = (ownSignal, peerSignal) switch
        {
            (true, true) => AlarmLevel.Critical,
            (false, false) => AlarmLevel.None,
            _ => AlarmLevel.Warning,
        };

        AlertTransition? transition = null;
        var next = alarm with { Track = track, JudgedThroughWeek = week };
        if (alarm.Level == AlarmLevel.None && level != AlarmLevel.None)
        {
            transition = AlertTransition.Raised;
            next = next with { Level = level, FrozenBaseline = ownSignal ? baseline : null, RaisedWeek = week };
        }
        else if (alarm.Level == AlarmLevel.Warning && level == AlarmLevel.Critical)
        {
            transition = AlertTransition.Escalated;
            next = next with { Level = level, FrozenBaseline = alarm.FrozenBaseline ?? baseline };
        }
        else if (alarm.Level != AlarmLevel.None && level == AlarmLevel.None && Recovered(track, peers, peersComparable, o))
        {
            transition = AlertTransition.Cleared;
            next = LowThresholdAlarm.Quiet with { JudgedThroughWeek = week };
        }

        return new WeekJudgement(week, next, baseline, shifted, ownSignal, peers, peerSignal, transition);
    }

    /// <summary>
    /// The hospital's own share before the change being tested, pulled towards its peers' by a prior worth a few dozen
    /// stays; null until enough weeks and stays stand behind it (a new hospital is judged on its peers alone).
    /// </summary>
    public static double? Baseline((long Stays, long ShortAndCheap, int Weeks) own, double? peerShare, LowThresholdOptions o) =>
        own.Weeks < o.MinBaselineWeeks || own.Stays < o.MinBaselineStays
            ? null
            : SmoothedRate.Of(own.ShortAndCheap, own.Stays, peerShare ?? (double)own.ShortAndCheap / own.Stays, peerShare is null ? 0 : o.BaselinePriorStays);

    /// <summary>
    /// The small-numbers guard on the CUSUM: crossing the threshold is not enough; the run since the onset must hold
    /// enough short, cheap stays, well above what the baseline expected, and more than chance would give.
    /// </summary>
    public static bool RunHolds(CusumTrack track, LowThresholdOptions o) =>
        track.Crosses(o.CusumThreshold)
        && track.RunEvents >= o.MinRunEvents
        && track.RunEvents >= o.MinRunRatio * track.RunExpected
        && ObservedExpected.UpperTail(track.RunEvents, track.RunExpected) <= o.MaxRunPValue;

    private static bool Recovered(CusumTrack track, ObservedExpected peers, bool peersComparable, LowThresholdOptions o) =>
        track.Statistic <= o.ClearStatisticFraction * o.CusumThreshold
        && (!peersComparable || peers.Trials < o.PeerMinStays || peers.Ratio < o.PeerClearRatio);
}
