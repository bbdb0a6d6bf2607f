namespace Monitoring.LowThreshold;

/// <summary>The stored part of a hospital's low-threshold watch: its alarm.</summary>
/// <remarks>
/// Null, not <see cref="LowThresholdAlarm.Quiet"/>, until the first week is judged: reading a stored state on activation
/// was seen (in <c>LowThresholdGrainTests</c>) to overwrite the shared <c>Quiet</c> instances the constructor's default
/// pointed at, so that every other watch's "quiet" carried one hospital's CUSUM.
/// </remarks>
[GenerateSerializer]
public sealed class LowThresholdState
{
    [Id(0)] public LowThresholdAlarm? Alarm { get; set; }

    public LowThresholdAlarm Current => Alarm ?? LowThresholdAlarm.Quiet;
}
