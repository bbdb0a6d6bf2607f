using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Demo;
using Monitoring.Registry;

namespace Monitoring.Silo;

/// <summary>
/// Says once, when the host is up, what it is: the mode and the URL. The embedded mode also says loudly that
/// nothing is kept, and prints a token per role so the demo can be used at once.
/// </summary>
public sealed class StartupReport(
    IServer server,
    IOptions<StorageOptions> storage,
    RegistryCatalog catalog,
    TokenIssuer tokens,
    ILogger<StartupReport> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = urls.FirstOrDefault() ?? "(no HTTP address)";
        if (storage.Value.IsDurable)
        {
            logger.LogInformation("Fund monitor started: mode PostgreSQL (ledger, grain state, membership and reminders in PostgreSQL), listening on {Url}", url);
            return;
        }

        logger.LogWarning("Fund monitor started: mode embedded (in-memory, NOTHING IS PERSISTED: a restart loses every claim), listening on {Url}", url);
        var registry = await catalog.CurrentAsync();
        Console.Out.WriteLine(DemoTokens(registry, url));
    }

    private string DemoTokens(FundRegistry registry, string url)
    {
        // The demo's story happens in the planted county (云县, running ahead of budget) and the planted hospital
        // (凤庆县康华医院): print those, so that the first token pasted shows something happening. Another registry
        // (an outside one, or the contract's example) falls back to its first county and hospitals.
        var region = registry.Document.Regions.FirstOrDefault();
        var county = registry.Counties.TryGetValue(DemoPrefecture.HotCountyId, out var hot) ? hot.County : region?.Counties.FirstOrDefault();
        var hospitals = registry.IsRegistered(DemoPrefecture.HotHospitalId)
            ? [DemoPrefecture.HotHospitalId]
            : county?.Hospitals.Take(2).Select(h => h.HospitalId).ToArray() ?? [];
        var first = region is null ? null : $"regulator region:{region.RegionId}";
        var lines = new List<string>
        {
            "",
            $"监测大屏 / Dashboard: {url}/  (paste a token below, or open {url}/?token=<token>)",
            "演示令牌 / demo tokens (development key, valid 30 days):",
        };
        void Add(string role, string? scope, string note = "")
        {
            var access = AccessScope.Parse(role, scope, out _);
            if (access is not null)
            {
                lines.Add($"  {role,-9} {access.ScopeText,-22} {tokens.Mint(access)}{note}");
            }
        }

        if (region is not null && county is not null)
        {
            Add(AccessScope.Regulator, $"region:{region.RegionId}", $"   <- paste first: the whole prefecture ({region.Name})");
            Add(AccessScope.Regulator, $"county:{county.CountyId}", $"   {county.Name}");
            Add(AccessScope.Inspector, $"county:{county.CountyId}", $"   {county.Name}");
            // Appeals against a county inspector's decision are decided by a region inspector.
            Add(AccessScope.Inspector, $"region:{region.RegionId}", $"   {region.Name}: decides appeals");
            foreach (var hospital in hospitals)
            {
                Add(AccessScope.HospitalRole, $"hospital:{hospital}", $"   {registry.Hospitals[hospital].Hospital.Name}");
            }
        }

        Add(AccessScope.Admin, null);
        Add(AccessScope.Ingest, null);
        if (first is not null)
        {
            lines.Add($"先粘贴 {first} 令牌 / paste the {first} token first; the API examples of the README use the tokens above.");
        }

        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
