using Monitoring.Alerts;
using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>What judging one settled week found, and what it did to the alarm.</summary>
/// <param name="Baseline">the own-baseline share the week was tested against; null while there is too little history</param>
/// <param name="Shifted">the share the CUSUM looks for (the baseline after the shift it is tuned to)</param>
/// <param name="OwnSignal">the CUSUM crossed its threshold, with enough stays behind the run</param>
/// <param name="Peers">the hospital against its same-level peers over the peer window, case-mix adjusted</param>
/// <param name="PeerSignal">that comparison exceeded its guard</param>
/// <param name="Transition">the alert this week publishes, if any</param>
public sealed record WeekJudgement(
    int Week,
    LowThresholdAlarm Next,
    double? Baseline,
    double? Shifted,
    bool OwnSignal,
    ObservedExpected Peers,
    bool PeerSignal,
    AlertTransition? Transition);
