namespace Monitoring.Registry;

/// <summary>A silo's <see cref="RegistryCatalog"/> as the registry grain sees it: told at once when a replacement is stored.</summary>
public interface IRegistryObserver : IGrainObserver
{
    Task ReplacedAsync(long version);
}
