namespace Monitoring.Silo;

/// <summary>How this silo joins its cluster (<c>Monitoring:Cluster</c>).</summary>
public sealed class SiloClusterOptions
{
    public const string Section = "Monitoring:Cluster";

    public string ClusterId { get; set; } = "fund-monitor";

    public string ServiceId { get; set; } = "fund-monitor";

    /// <summary>Silo-to-silo port. Several hosts on one machine (tests, a laptop cluster) each need their own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients; 0 turns the gateway off (the web front runs inside the silo).</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other silos reach this one at; defaults to loopback in the embedded mode and the host's address otherwise.</summary>
    public string? AdvertisedAddress { get; set; }
}
