namespace Monitoring.Registry;

/// <summary>The one registry in force for the cluster (key 0), kept as the document an admin sent.</summary>
public interface IRegistryGrain : IGrainWithIntegerKey
{
    Task<long> GetVersionAsync();

    /// <summary>
    /// Registers (again) a silo's catalog to be told of each replacement and answers the version in force. A catalog
    /// calls this once per <see cref="RegistryCatalog.Lease"/>, not once per use.
    /// </summary>
    Task<long> WatchAsync(IRegistryObserver observer);

    Task<RegistryRevision> GetAsync();

    /// <summary>The registry document of a fund year: an earlier year's last one, the one in force, or null when none was held.</summary>
    Task<string?> GetOfYearAsync(int fundYear);

    /// <summary>The earlier fund years whose registry is kept.</summary>
    Task<int[]> GetPastYearsAsync();

    /// <summary>Replaces the whole registry; the document must already have passed <see cref="Registry.RegistryParser"/>.</summary>
    Task<long> ReplaceAsync(string json);
}

/// <summary>A registry document and its version.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistryRevision([property: Id(0)] long Version, [property: Id(1)] string? Json);
