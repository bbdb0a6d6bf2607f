using System.Text.Json;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Monitoring.Registry;
using Monitoring.Demo;

namespace Monitoring.Silo;

/// <summary>
/// Puts a registry in force at start-up when the cluster holds none: the configured file, else the demo
/// prefecture when the demo feed runs. A registry already stored is kept, and a differing file is reported,
/// so that a restart never silently undoes an admin's replacement.
/// </summary>
public sealed class RegistrySeeder(
    IGrainFactory grains,
    RegistryCatalog catalog,
    IOptions<RegistryOptions> registryOptions,
    IOptions<DemoOptions> demoOptions,
    ILogger<RegistrySeeder> logger) : IHostedService
{
    public static readonly JsonSerializerOptions DocumentJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (json, source) = SeedDocument();
        var stored = await grains.GetGrain<IRegistryGrain>(0).GetAsync();
        if (json is null)
        {
            if (stored.Json is null)
            {
                logger.LogWarning("No registry is in force and none is configured: every claim will be refused until an admin sends PUT /api/registry");
            }

            return;
        }

        var parsed = RegistryParser.Parse(json);
        if (parsed.Document is null)
        {
            throw new InvalidOperationException($"The registry from {source} is refused:{Environment.NewLine}{string.Join(Environment.NewLine, parsed.Errors)}");
        }

        if (stored.Json is null)
        {
            var registry = await catalog.ReplaceAsync(json);
            logger.LogInformation("Registry from {Source} in force: fund year {Year}, {Counties} counties, {Alliances} alliances, {Hospitals} hospitals",
                source, registry.FundYear, registry.Counties.Count, registry.Alliances.Count, registry.Hospitals.Count);
        }
        else if (stored.Json != json)
        {
            logger.LogWarning("Keeping the stored registry (version {Version}); {Source} differs from it. Send it with PUT /api/registry to replace the stored one",
                stored.Version, source);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private (string? Json, string Source) SeedDocument()
    {
        if (registryOptions.Value.Path is { Length: > 0 } path)
        {
            return (File.ReadAllText(path), path);
        }

        var demo = demoOptions.Value;
        return demo.Enabled
            ? (JsonSerializer.Serialize(DemoPrefecture.Build(demo.Seed, demo.FundYear), DocumentJson), "the demo prefecture")
            : (null, "");
    }
}
