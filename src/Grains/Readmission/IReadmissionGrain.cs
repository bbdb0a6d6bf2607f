using Monitoring.Watch;

namespace Monitoring.Readmission;

/// <summary>
/// The readmission watch of one place (分解住院 is judged within a place): an alliance, keyed by allianceId, or a
/// hospital outside any alliance, keyed by hospitalId.
/// </summary>
public interface IReadmissionGrain : IWatchGrain
{
    /// <summary>What the window holds, for metrics and tests.</summary>
    Task<ReadmissionWindowSize> GetSizeAsync();
}

/// <summary>Patients and stays a place's window holds.</summary>
[GenerateSerializer, Immutable]
public sealed record ReadmissionWindowSize([property: Id(0)] int Patients, [property: Id(1)] int Stays);
