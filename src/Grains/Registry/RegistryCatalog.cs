using System.Diagnostics;

namespace Monitoring.Registry;

/// <summary>
/// This silo's copy of the registry in force. Ingest and every judgement read it, so it is answered from memory: the
/// registry grain tells each silo's catalog of a replacement before the replacement is answered, and a catalog asks
/// the grain for the version in force (registering again to be told) only once per <see cref="Lease"/>, not per use.
/// A replacement made through any silo is therefore seen by all as soon as it is answered.
/// </summary>
public sealed class RegistryCatalog(IGrainFactory grains) : IRegistryObserver
{
    /// <summary>
    /// How long a copy the grain confirmed is trusted without asking again. It bounds how long a silo whose telling was
    /// lost (the registry grain moved to another silo) may miss a replacement, and the grain's answer to a replacement
    /// waits out such leases, so it only costs the one call per silo per lease.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    private volatile FundRegistry _current = FundRegistry.Empty;
    private long _announced;
    private long _confirmedAt = long.MinValue;
    private IRegistryObserver? _reference;
    private readonly Lock _gate = new();

    private IRegistryGrain Grain => grains.GetGrain<IRegistryGrain>(0);

    private IRegistryObserver Reference => _reference ??= grains.CreateObjectReference<IRegistryObserver>(this);

    public async Task<FundRegistry> CurrentAsync()
    {
        var current = _current;
        var confirmedAt = Interlocked.Read(ref _confirmedAt);
        if (confirmedAt != long.MinValue && Interlocked.Read(ref _announced) == current.Version
            && Stopwatch.GetElapsedTime(confirmedAt) < Lease)
        {
            return current;
        }

        var asked = Stopwatch.GetTimestamp();
        long version;
        try
        {
            version = await Grain.WatchAsync(Reference);
        }
        catch (Exception e) when (Cluster.ClusterFailure.IsTransient(e) && current.Version > 0)
        {
            // The registry grain's silo died and the cluster has not moved it yet: this silo's copy is at most one
            // replacement behind, which beats refusing every claim for the seconds a fail-over takes.
            return current;
        }

        Announce(version);
        Interlocked.Exchange(ref _confirmedAt, asked);
        current = _current;
        if (Interlocked.Read(ref _announced) == current.Version)
        {
            return current;
        }

        var revision = await Grain.GetAsync();
        var document = revision.Json is null ? FundRegistry.Empty.Document : RegistryParser.Parse(revision.Json).Document
            ?? throw new InvalidOperationException($"stored registry version {revision.Version} no longer parses");
        var fresh = FundRegistry.From(document, revision.Version);
        Announce(revision.Version);
        lock (_gate)
        {
            // Concurrent readers may each fetch; the newest wins, never an older one over it.
            if (fresh.Version >= _current.Version)
            {
                _current = fresh;
            }

            return _current;
        }
    }

    /// <summary>The registry grain's telling: a replacement is stored; the next use reads it.</summary>
    Task IRegistryObserver.ReplacedAsync(long version)
    {
        Announce(version);
        return Task.CompletedTask;
    }

    private void Announce(long version)
    {
        var known = Interlocked.Read(ref _announced);
        while (version > known && Interlocked.CompareExchange(ref _announced, version, known) is var seen && seen != known)
        {
            known = seen;
        }
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
