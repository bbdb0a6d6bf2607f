using Monitoring.Registry;

namespace Monitoring.Readmission;

/// <summary>A hospital's readmission counts over the rate window, as its place reports them to the region's peers.</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalReadmissionReport(
    [property: Id(0)] HospitalPlacement Placement,
    [property: Id(1)] int Level,
    [property: Id(2)] ReadmissionRate Rate);
