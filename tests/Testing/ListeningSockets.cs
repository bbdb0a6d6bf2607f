using System.Globalization;
using System.Net;

namespace Monitoring.Testing;

/// <summary>
/// The TCP endpoints a process listens on, read from Linux's /proc: the LISTEN rows of /proc/net/tcp and tcp6 whose
/// socket inode is one of the process's open file descriptors. What an outside scanner would find, without a scanner.
/// </summary>
public static class ListeningSockets
{
    public static IReadOnlyList<IPEndPoint> Of(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // the descriptor closed while we looked
            }
        }

        var endpoints = new List<IPEndPoint>();
        foreach (var table in new[] { $"/proc/{pid}/net/tcp", $"/proc/{pid}/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                const string listen = "0A";
                if (columns.Length > 9 && columns[3] == listen && inodes.Contains(columns[9]))
                {
                    endpoints.Add(Parse(columns[1]));
                }
            }
        }

        return endpoints;
    }

    private static IPEndPoint Parse(string hexEndpoint)
    {
        var (hexAddress, hexPort) = (hexEndpoint[..hexEndpoint.IndexOf(':')], hexEndpoint[(hexEndpoint.IndexOf(':') + 1)..]);
        // The kernel prints the address as 32-bit words in host (little-endian) order.
        var bytes = Convert.FromHexString(hexAddress);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        var address = new IPAddress(bytes);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return new IPEndPoint(address, int.Parse(hexPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
