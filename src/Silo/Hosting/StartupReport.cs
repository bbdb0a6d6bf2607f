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
/// nothing is kept, prints a token per role so the demo can be used at once, ends with a ready link that opens the
/// board as the region regulator, and writes the tokens to a file (shell assignments, <c>. ./demo-tokens.env</c>)
/// that outlives the console's scroll.
/// </summary>
public sealed partial class StartupReport(
    IServer server,
    IOptions<StorageOptions> storage,
    IOptions<DemoOptions> demo,
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
        var named = new List<(string Name, string Token)>();
        Console.Out.WriteLine(DemoTokens(registry, url, named));
        WriteTokensFile(url, named);
    }

    /// <summary>The tokens as shell assignments, so the README's calls read <c>$REGION_REGULATOR</c> after <c>. ./demo-tokens.env</c>.</summary>
    private void WriteTokensFile(string url, List<(string Name, string Token)> named)
    {
        var path = demo.Value.TokensFile;
        if (string.IsNullOrWhiteSpace(path) || named.Count == 0)
        {
            return;
        }

        var lines = new List<string>
        {
            $"# Demo tokens of the embedded host at {url} (development key, valid 30 days). Load: . ./{Path.GetFileName(path)}",
            $"BASE={url}",
        };
        lines.AddRange(named.Select(n => $"{n.Name}={n.Token}"));
        var first = named.FirstOrDefault(n => n.Name == "REGION_REGULATOR");
        if (first.Token is not null)
        {
            lines.Add($"DASHBOARD={url}/?token={first.Token}");
        }

        try
        {
            File.WriteAllText(path, string.Join('\n', lines) + "\n");
            LogTokensFile(logger, Path.GetFullPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogTokensFileFailed(logger, e, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo tokens written to {Path}")]
    private static partial void LogTokensFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo tokens could not be written to {Path}; they are printed above")]
    private static partial void LogTokensFileFailed(ILogger logger, Exception error, string path);

    private string DemoTokens(FundRegistry registry, string url, List<(string Name, string Token)> named)
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
        var tokensFile = string.IsNullOrWhiteSpace(demo.Value.TokensFile) ? "the lines above" : Path.GetFileName(demo.Value.TokensFile);
        string? ready = null;
        void Add(string name, string role, string? scope, string note = "")
        {
            var access = AccessScope.Parse(role, scope, out _);
            if (access is not null)
            {
                var token = tokens.Mint(access);
                named.Add((name, token));
                ready ??= name == "REGION_REGULATOR" ? $"{url}/?token={token}" : null;
                lines.Add($"  {role,-9} {access.ScopeText,-22} {token}{note}");
            }
        }

        if (region is not null && county is not null)
        {
            Add("REGION_REGULATOR", AccessScope.Regulator, $"region:{region.RegionId}", $"   <- paste first: the whole prefecture ({region.Name})");
            Add("COUNTY_REGULATOR", AccessScope.Regulator, $"county:{county.CountyId}", $"   {county.Name}");
            Add("COUNTY_INSPECTOR", AccessScope.Inspector, $"county:{county.CountyId}", $"   {county.Name}");
            // Appeals against a county inspector's decision are decided by a region inspector.
            Add("REGION_INSPECTOR", AccessScope.Inspector, $"region:{region.RegionId}", $"   {region.Name}: decides appeals");
            foreach (var (hospital, i) in hospitals.Select((h, i) => (h, i)))
            {
                Add(i == 0 ? "HOSPITAL" : $"HOSPITAL_{i + 1}", AccessScope.HospitalRole, $"hospital:{hospital}", $"   {registry.Hospitals[hospital].Hospital.Name}");
            }
        }

        Add("ADMIN", AccessScope.Admin, null);
        Add("INGEST", AccessScope.Ingest, null);
        if (first is not null)
        {
            lines.Add($"先粘贴 {first} 令牌 / paste the {first} token first; the README's calls read these tokens from {tokensFile}.");
        }

        if (ready is not null)
        {
            // Last, so it is the line on screen when the start-up output stops: one click opens the prefecture's board.
            lines.Add($"打开 / open: {ready}");
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
