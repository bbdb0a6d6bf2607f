namespace Monitoring.Registry;

/// <summary>
/// This silo's copy of the registry in force. Each use asks the registry grain only for its version (one small
/// call) and re-reads the document when it changed, so a replacement made through any silo is seen by all.
/// </summary>
public sealed class RegistryCatalog(IGrainFactory grains)
{
    private volatile FundRegistry _current = FundRegistry.Empty;

    private IRegistryGrain Grain => grains.GetGrain<IRegistryGrain>(0);

    public async Task<FundRegistry> CurrentAsync()
    {
        var current = _current;
        long version;
        try
        {
            version = await Grain.GetVersionAsync();
        }
        catch (Exception e) when (Cluster.ClusterFailure.IsTransient(e) && current.Version > 0)
        {
            // The registry grain's silo died and the cluster has not moved it yet: this silo's copy is at most one
            // replacement behind, which beats refusing every claim for the seconds a fail-over takes.
            return current;
        }

        if (version == current.Version)
        {
            return current;
        }

        var revision = await Grain.GetAsync();
        var document = revision.Json is null ? FundRegistry.Empty.Document : RegistryParser.Parse(revision.Json).Document
            ?? throw new InvalidOperationException($"stored registry version {revision.Version} no longer parses");
        var fresh = FundRegistry.From(document, revision.Version);
        _current = fresh;
        return fresh;
    }

    /// <summary>
    /// The registry of a fund year: the one in force when it is of that year, else that year's last registry (kept when
    /// a new year's replaced it); null when the cluster never held one of that year.
    /// </summary>
    public async Task<FundRegistry?> OfYearAsync(int fundYear)
    {
        var current = await CurrentAsync();
        if (current.FundYear == fundYear)
        {
            return current;
        }

        if (_past.TryGetValue(fundYear, out var known))
        {
            return known;
        }

        // A past year's document no longer changes: read once per silo.
        if (await Grain.GetOfYearAsync(fundYear) is not { } json || RegistryParser.Parse(json).Document is not { } document)
        {
            return null;
        }

        return _past[fundYear] = FundRegistry.From(document, 0);
    }

    /// <summary>The earlier fund years whose registry is kept.</summary>
    public Task<int[]> PastYearsAsync() => Grain.GetPastYearsAsync();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, FundRegistry> _past = new();

    /// <summary>Replaces the registry in force with a document that has passed <see cref="RegistryParser"/>.</summary>
    public async Task<FundRegistry> ReplaceAsync(string json)
    {
        await Grain.ReplaceAsync(json);
        return await CurrentAsync();
    }
}
