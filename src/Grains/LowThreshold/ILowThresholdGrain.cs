using Monitoring.Watch;

namespace Monitoring.LowThreshold;

/// <summary>The low-threshold admission watch of one hospital (keyed by hospitalId): its share of short, cheap stays, week by week.</summary>
public interface ILowThresholdGrain : IWatchGrain
{
    /// <summary>The hospital's monthly shares beside its peers' and where its alarm stands.</summary>
    Task<LowThresholdStanding> GetStandingAsync();
}

/// <summary>A hospital's share of short, cheap stays month by month beside its same-level peers', and its alarm.</summary>
/// <param name="JudgedThrough">the last day of the last week judged; null before any</param>
/// <param name="OnsetWeekStart">the first day of the week the current CUSUM run began in, if one is running</param>
[GenerateSerializer, Immutable]
public sealed record LowThresholdStanding(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] DateOnly? JudgedThrough,
    [property: Id(2)] IReadOnlyList<MonthShare> Months,
    [property: Id(3)] IReadOnlyList<PeerMonth> PeerMonths,
    [property: Id(4)] int Peers,
    [property: Id(5)] double? Baseline,
    [property: Id(6)] double? PeerShare,
    [property: Id(7)] AlarmLevel Level,
    [property: Id(8)] double Statistic,
    [property: Id(9)] double Threshold,
    [property: Id(10)] DateOnly? OnsetWeekStart);
