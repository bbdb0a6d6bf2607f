using System.Net;
using System.Net.Sockets;

namespace Monitoring.Silo;

/// <summary>Reads a configured silo address: an IP address as written, or a host name (a compose service) resolved to its IPv4 address.</summary>
public static class SiloAddresses
{
    public static IPAddress? Resolve(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (IPAddress.TryParse(configured, out var address))
        {
            return address;
        }

        var resolved = Dns.GetHostAddresses(configured);
        return resolved.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? resolved.FirstOrDefault()
            ?? throw new InvalidOperationException($"Monitoring:Cluster address '{configured}' resolves to no address.");
    }
}
