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

    /// <summary>
    /// The address (or host name) other silos reach this one at; loopback when not given. The silo port listens on
    /// this address only, unless <see cref="ListenAddress"/> says otherwise.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Where the silo port listens when that differs from the advertised address (behind NAT, or <c>0.0.0.0</c> in a
    /// container whose address is only known outside it). Defaults to the advertised address.
    /// </summary>
    public string? ListenAddress { get; set; }
}
