namespace Monitoring.Dashboard.Security;

/// <summary>Bearer-token settings (<c>Monitoring:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Monitoring:Auth";

    /// <summary>
    /// The HMAC-SHA256 key that signs tokens, at least 32 characters. Empty in the embedded mode means the
    /// well-known development key; the PostgreSQL mode refuses to start without one of its own.
    /// </summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "fund-monitor";

    public string Audience { get; set; } = "fund-monitor";

    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(30);
}
