using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Testing;
using Orleans.Configuration;
using Xunit;

namespace Monitoring.Silo.Tests.Storage;

/// <summary>
/// A real Orleans silo on loopback whose clustering, grain storage and reminders all go through the
/// ADO.NET providers to one PostgreSQL database: the production wiring, minus the application.
/// </summary>
public sealed class ProbeSilo : IAsyncDisposable
{
    public const string StorageName = "probe-store";

    // The name the ADO.NET providers know Npgsql by; they load the Npgsql assembly themselves.
    private const string Invariant = "Npgsql";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly IHost _host;

    private ProbeSilo(IHost host, int siloPort)
    {
        _host = host;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<ProbeSilo> StartAsync(string connectionString, string clusterId, string serviceId)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var errors = new SiloErrorLog();
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(errors))
            .UseOrleans(silo => silo
                .Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = clusterId;
                    cluster.ServiceId = serviceId;
                })
                .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort)
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(StorageName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .UseAdoNetReminderService(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                }))
            .Build();

        // Orleans retries a failing membership table for minutes; a schema that breaks the providers
        // should fail the test well before that.
        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        startTimeout.CancelAfter(StartTimeout);
        try
        {
            await host.StartAsync(startTimeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new TimeoutException($"The probe silo did not start within {StartTimeout}. Its last warnings and errors:{Environment.NewLine}{errors}");
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ProbeSilo(host, siloPort);
    }

    public async ValueTask DisposeAsync()
    {
        // Graceful, so the silo marks itself dead in the membership table and the next one starts clean.
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
