using Monitoring.Registry;

using Monitoring.Storage;

namespace Monitoring.Registry;

/// <summary>Holds the registry document in grain storage, so every silo and every restart sees the same one.</summary>
public sealed class RegistryGrain(
    [PersistentState("registry", GrainStorage.FundState)] IPersistentState<RegistryState> registry)
    : Grain, IRegistryGrain
{
    public Task<long> GetVersionAsync() => Task.FromResult(registry.State.Version);

    public Task<RegistryRevision> GetAsync() => Task.FromResult(new RegistryRevision(registry.State.Version, registry.State.Json));

    public async Task<long> ReplaceAsync(string json)
    {
        var parsed = RegistryParser.Parse(json);
        if (parsed.Document is null)
        {
            throw new ArgumentException(string.Join("; ", parsed.Errors), nameof(json));
        }

        registry.State.Json = json;
        registry.State.Version++;
        await registry.WriteStateAsync();
        return registry.State.Version;
    }
}

[GenerateSerializer]
public sealed class RegistryState
{
    [Id(0)] public string? Json { get; set; }

    [Id(1)] public long Version { get; set; }
}
