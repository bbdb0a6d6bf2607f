using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>How loudly a hospital's share of short, cheap stays is flagged.</summary>
public enum AlarmLevel
{
    None = 0,

    /// <summary>One signal: the share rose against the hospital's own past, or stands far above its peers'.</summary>
    Warning = 1,

    /// <summary>Both signals at once.</summary>
    Critical = 2,
}

/// <summary>
/// Where a hospital's low-threshold watch stands after its last judged week: the CUSUM, the baseline it was frozen at
/// when the alert was raised (so that the change it flagged cannot become its own baseline), and the alert level.
/// </summary>
/// <param name="FrozenBaseline">the own-baseline share while alerted; null when not alerted, or alerted on peers alone before a baseline existed</param>
/// <param name="RaisedWeek">the week the standing alert was raised in</param>
/// <param name="JudgedThroughWeek">the last week judged; a rebuild after a restart judges, and publishes, only later weeks</param>
[GenerateSerializer, Immutable]
public sealed record LowThresholdAlarm(
    [property: Id(0)] AlarmLevel Level,
    [property: Id(1)] CusumTrack Track,
    [property: Id(2)] double? FrozenBaseline,
    [property: Id(3)] int? RaisedWeek,
    [property: Id(4)] int? JudgedThroughWeek)
{
    public static LowThresholdAlarm Quiet => new(AlarmLevel.None, CusumTrack.Quiet, null, null, null);
}
