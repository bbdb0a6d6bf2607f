using System.Net;
using System.Net.Sockets;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// A silo listens where its configuration says and nowhere else: the API on its URL, the silo port on the
/// advertised (or listen) address, no Orleans gateway unless a gateway port is given.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class ListeningSurfaceTests(PostgresServer postgres)
{
    [Fact]
    public async Task Silo_listens_on_the_configured_address_and_ports_only()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var siloPort = FreePort.Next();
        await using var host = await HostProcess.StartAsync(PostgresHostSettings.For(connection,
            $"--Monitoring:Cluster:SiloPort={siloPort}", "--Monitoring:Cluster:GatewayPort=0", "--Monitoring:Cluster:AdvertisedAddress=127.0.0.1"));

        var listening = ListeningSockets.Of(host.Pid).Select(e => e.ToString()).Order().ToList();

        Assert.Equal(new[] { $"127.0.0.1:{host.Address.Port}", $"127.0.0.1:{siloPort}" }.Order(), listening);
    }

    [Fact]
    public async Task Bare_connections_to_the_silo_and_gateway_ports_are_dropped_without_a_critical_error()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        await using var host = await HostProcess.StartAsync(PostgresHostSettings.For(connection,
            $"--Monitoring:Cluster:SiloPort={siloPort}", $"--Monitoring:Cluster:GatewayPort={gatewayPort}", "--Monitoring:Cluster:AdvertisedAddress=127.0.0.1"));
        Assert.Contains($"127.0.0.1:{gatewayPort}", ListeningSockets.Of(host.Pid).Select(e => e.ToString()));

        foreach (var port in new[] { siloPort, gatewayPort })
        {
            foreach (var payload in new[] { Array.Empty<byte>(), "GET / HTTP/1.1\r\n\r\n"u8.ToArray(), new byte[64] })
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                await probe.GetStream().WriteAsync(payload);
            }
        }

        // The host still serves, and said nothing critical about strangers on its silo port.
        using var client = new HttpClient { BaseAddress = host.Address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.DoesNotContain("crit:", host.Output);
        Assert.DoesNotContain("NullReferenceException", host.Output);
    }
}
