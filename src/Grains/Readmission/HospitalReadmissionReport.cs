using Monitoring.Registry;

namespace Monitoring.Readmission;

/// <summary>
/// A hospital's readmission counts over the rate window, as its place reports them to the region's peers, with the
/// window's days one by one, which the rate test judges in order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HospitalReadmissionReport(
    [property: Id(0)] HospitalPlacement Placement,
    [property: Id(1)] int Level,
    [property: Id(2)] ReadmissionRate Rate)
{
    [Id(3)] public DayCount[] Days { get; init; } = [];
}
