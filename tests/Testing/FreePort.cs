using System.Net;
using System.Net.Sockets;

namespace Monitoring.Testing;

/// <summary>Loopback TCP ports that were free a moment ago, for servers started by tests.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the kernel for an unused loopback port by binding port 0, then releases it.
    /// Another process could take it before the caller binds it; callers that can retry should.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
