using Monitoring.Alerts;

namespace Monitoring.Readmission;

/// <summary>
/// One day's readmission-rate judgement: the track after it, the alert transition it makes, if any, and the track an
/// alert about it words (for a clearing, the run as it stood before the track starts afresh).
/// </summary>
public sealed record RateJudgement(RateTrack Next, AlertTransition? Transition, double Threshold)
{
    public RateTrack Evidence { get; init; } = Next;
}
