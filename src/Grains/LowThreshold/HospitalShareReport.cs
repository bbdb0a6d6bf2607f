using Monitoring.Registry;

namespace Monitoring.LowThreshold;

/// <summary>
/// A hospital's summary for its region's peers, sent once per settled week: its per-DRG counts over the peer window
/// and its monthly shares. The whole summary each time, not a change, so a report sent twice or a peers grain that
/// restarted empty is set right by the next report.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HospitalShareReport(
    [property: Id(0)] HospitalPlacement Placement,
    [property: Id(1)] int Level,
    [property: Id(2)] int ThroughWeek,
    [property: Id(3)] Dictionary<string, DrgCount> Window,
    [property: Id(4)] IReadOnlyList<MonthShare> Months)
{
    public long Stays => Window.Values.Sum(c => (long)c.Stays);

    public long ShortAndCheap => Window.Values.Sum(c => (long)c.ShortAndCheap);
}

/// <summary>
/// What a hospital's same-level peers (excluding itself) show: their median share over the peer window, their pooled
/// share per DRG (the reference of the case-mix adjusted comparison) and overall, and their median share per month.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PeerReference(
    [property: Id(0)] int Peers,
    [property: Id(1)] double? MedianShare,
    [property: Id(2)] double? PooledShare,
    [property: Id(3)] Dictionary<string, double> DrgShares,
    [property: Id(4)] IReadOnlyList<PeerMonth> Months)
{
    public static PeerReference None { get; } = new(0, null, null, [], []);

    /// <summary>The share the peers show for a DRG: their pooled share of it, or over all DRGs when they have too few of it.</summary>
    public double ReferenceFor(string drgCode) => DrgShares.TryGetValue(drgCode, out var share) ? share : PooledShare ?? 0;
}

/// <summary>The median monthly share of short, cheap stays among a hospital's same-level peers that reported the month.</summary>
[GenerateSerializer, Immutable]
public sealed record PeerMonth(
    [property: Id(0)] int Year,
    [property: Id(1)] int Month,
    [property: Id(2)] double MedianShare,
    [property: Id(3)] int Hospitals);
