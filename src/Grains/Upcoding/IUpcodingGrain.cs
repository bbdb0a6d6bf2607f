using Monitoring.Watch;
using Orleans.Concurrency;

namespace Monitoring.Upcoding;

/// <summary>The coding watch (高套编码: upcoding) of one hospital, keyed by hospitalId.</summary>
public interface IUpcodingGrain : IWatchGrain
{
    /// <summary>
    /// Activates the watch (which rebuilds from the ledger and reports to its region) and does nothing else. One-way: the
    /// region wakes its watches from its own activation, while a watch may be waiting on the region with its report.
    /// </summary>
    [OneWay]
    Task WakeAsync();

    /// <summary>Where the hospital's coding finding stands, for tests and the API.</summary>
    Task<UpcodingStanding> GetStandingAsync();
}

/// <summary>A hospital's coding finding as it stands after the last closed week.</summary>
[GenerateSerializer, Immutable]
public sealed record UpcodingStanding(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] int ClosedWeeks,
    [property: Id(2)] UpcodingLevel Level,
    [property: Id(3)] double Statistic,
    [property: Id(4)] DateOnly? Onset,
    [property: Id(5)] int Cases);
