using System.Diagnostics;
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
    /// <summary>How long a catalog that stopped registering is still told of replacements: a few of its leases.</summary>
    private static readonly TimeSpan WatcherExpiry = RegistryCatalog.Lease * 4;

    /// <summary>A catalog that does not answer within this is treated as not told (see <see cref="ReplaceAsync"/>).</summary>
    private static readonly TimeSpan TellTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The silos' catalogs and when each last registered. In memory: each re-registers within its lease.</summary>
    private readonly Dictionary<IRegistryObserver, long> _watchers = [];

    /// <summary>
    /// Until when catalogs may still trust a copy confirmed by an earlier activation of this grain, whose watchers this
    /// one does not know; zero when there was none (an empty registry, as in a new cluster).
    /// </summary>
    private long _earlierLeasesEnd;

    private static long LeaseTicks => (long)(RegistryCatalog.Lease.TotalSeconds * Stopwatch.Frequency);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (registry.State.Version > 0)
        {
            _earlierLeasesEnd = Stopwatch.GetTimestamp() + LeaseTicks;
        }

        return Task.CompletedTask;
    }

    public Task<long> GetVersionAsync() => Task.FromResult(registry.State.Version);

    public Task<long> WatchAsync(IRegistryObserver observer)
    {
        _watchers[observer] = Stopwatch.GetTimestamp();
        return Task.FromResult(registry.State.Version);
    }

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
        await TellWatchersAsync(registry.State.Version);
        return registry.State.Version;
    }

    /// <summary>
    /// Tells every silo's catalog before the replacement is answered, so that once it is, no silo judges a claim with
    /// the copy it replaced. A catalog that cannot be told (its silo dying, or registered only with an earlier
    /// activation) still trusts its copy until its lease ends, so then the answer waits for that.
    /// </summary>
    private async Task TellWatchersAsync(long version)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var (watcher, registeredAt) in _watchers.ToList())
        {
            if (Stopwatch.GetElapsedTime(registeredAt, now) > WatcherExpiry)
            {
                _watchers.Remove(watcher);
            }
        }

        var told = await Task.WhenAll(_watchers.Keys.ToList().Select(async watcher =>
        {
            try
            {
                await watcher.ReplacedAsync(version).WaitAsync(TellTimeout);
                return true;
            }
            catch (Exception)
            {
                _watchers.Remove(watcher);
                return false;
            }
        }));

        var leasesEnd = told.All(t => t) ? _earlierLeasesEnd : Math.Max(_earlierLeasesEnd, now + LeaseTicks);
        if (Stopwatch.GetTimestamp() < leasesEnd)
        {
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), leasesEnd));
        }
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
