using Monitoring.Registry;

using Monitoring.Storage;

namespace Monitoring.Registry;

/// <summary>
/// Holds the registry document in grain storage, so every silo and every restart sees the same one. When a registry of
/// a new fund year replaces one of an earlier year, the earlier document is kept under its year: last year's reports
/// are still read against last year's budgets.
/// </summary>
public sealed class RegistryGrain(
    [PersistentState("registry", GrainStorage.FundState)] IPersistentState<RegistryState> registry)
    : Grain, IRegistryGrain
{
    public Task<long> GetVersionAsync() => Task.FromResult(registry.State.Version);

    public Task<RegistryRevision> GetAsync() => Task.FromResult(new RegistryRevision(registry.State.Version, registry.State.Json));

    public Task<string?> GetOfYearAsync(int fundYear) =>
        Task.FromResult(registry.State.PastYears.TryGetValue(fundYear, out var json) ? json
            : registry.State.Json is { } current && RegistryParser.Parse(current).Document?.FundYear == fundYear ? current : null);

    public Task<int[]> GetPastYearsAsync() => Task.FromResult(registry.State.PastYears.Keys.Order().ToArray());

    public async Task<long> ReplaceAsync(string json)
    {
        var parsed = RegistryParser.Parse(json);
        if (parsed.Document is null)
        {
            throw new ArgumentException(string.Join("; ", parsed.Errors), nameof(json));
        }

        if (registry.State.Json is { } before && RegistryParser.Parse(before).Document is { } old && old.FundYear != parsed.Document.FundYear)
        {
            registry.State.PastYears[old.FundYear] = before;
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

    /// <summary>The last registry document of each earlier fund year, by year.</summary>
    [Id(2)] public Dictionary<int, string> PastYears { get; set; } = [];
}
