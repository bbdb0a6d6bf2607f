using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Silo;

namespace Monitoring.Testing;

/// <summary>
/// The real host (Kestrel, Orleans, the whole composition root) started in this process on 127.0.0.1 with its own
/// free ports, spoken to over HTTP like any client would.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host with the contract's example registry, the demo feed off, and any further settings.</summary>
    public static async Task<RunningHost> StartAsync(params string[] settings)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Monitoring:Cluster:SiloPort={FreePort.Next()}",
            "--Monitoring:Cluster:GatewayPort=0",
            "--Monitoring:Demo:Enabled=false",
            "--Monitoring:Demo:TokensFile=",
            // Test claims are dated in 2026 whatever the machine's date; the agency-clock guard has its own tests.
            "--Monitoring:Ingest:MaxAheadOfClock=3660.00:00:00",
            $"--Monitoring:Registry:Path={Path.Combine(ContractFiles.Directory, "examples", "registry.json")}",
            .. settings,
        ];
        var app = await MonitoringHost.CreateAsync(args);
        await app.StartAsync();
        return new RunningHost(app, new Uri(app.Urls.First()));
    }

    public string Token(string role, string? scope = null) =>
        Services.GetRequiredService<TokenIssuer>().Mint(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error));

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient Ingest() => Client(Token(AccessScope.Ingest));

    public HttpClient Admin() => Client(Token(AccessScope.Admin));

    public async Task<FundView> FundAsync(string level, string id)
    {
        using var client = Admin();
        return (await client.GetFromJsonAsync<FundView>($"/api/funds/{level}/{id}"))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The fields of a fund snapshot the tests read.</summary>
public sealed record FundView(string Level, string Id, decimal? AnnualBudget, decimal FundPaid, long ClaimsCounted);
