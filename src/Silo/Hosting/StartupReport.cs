using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
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
        var lines = new List<string>
        {
            "",
            $"监测大屏 / Dashboard: {url}/  (paste a token below, or open {url}/?token=<token>)",
            "演示令牌 / demo tokens (development key, valid 30 days):",
        };
        void Add(string role, string? scope)
        {
            var access = AccessScope.Parse(role, scope, out _);
            if (access is not null)
            {
                lines.Add($"  {role,-9} {access.ScopeText,-22} {tokens.Mint(access)}");
            }
        }

        Add(AccessScope.Admin, null);
        Add(AccessScope.Ingest, null);
        var region = registry.Document.Regions.FirstOrDefault();
        var county = region?.Counties.FirstOrDefault();
        if (region is not null && county is not null)
        {
            Add(AccessScope.Regulator, $"region:{region.RegionId}");
            Add(AccessScope.Regulator, $"county:{county.CountyId}");
            Add(AccessScope.Inspector, $"county:{county.CountyId}");
            // Appeals against a county inspector's decision are decided by a region inspector.
            Add(AccessScope.Inspector, $"region:{region.RegionId}");
            foreach (var hospital in county.Hospitals.Take(2))
            {
                Add(AccessScope.HospitalRole, $"hospital:{hospital.HospitalId}");
            }
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
