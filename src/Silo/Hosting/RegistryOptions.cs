namespace Monitoring.Silo;

/// <summary>Where the registry comes from at start-up (<c>Monitoring:Registry</c>).</summary>
public sealed class RegistryOptions
{
    public const string Section = "Monitoring:Registry";

    /// <summary>
    /// A registry JSON file. It seeds the registry when the cluster holds none; a registry already in store
    /// (replaced by an admin through <c>PUT /api/registry</c>) is kept, so a restart never silently undoes it.
    /// </summary>
    public string? Path { get; set; }
}
