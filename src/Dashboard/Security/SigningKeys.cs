using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Monitoring.Dashboard.Security;

/// <summary>Chooses the token signing key, and refuses a production start on a key everybody knows.</summary>
public static class SigningKeys
{
    /// <summary>Public by design: it only ever guards a process holding demo data in memory.</summary>
    public const string Development = "fund-monitor-embedded-development-key-not-for-production";

    public static SymmetricSecurityKey Resolve(AuthOptions options, bool durable)
    {
        var key = options.SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (durable)
            {
                throw new InvalidOperationException(
                    "Monitoring:Auth:SigningKey is not set. The PostgreSQL mode holds real data and will not start on the public development key: set a random key of at least 32 characters (for example through the environment variable Monitoring__Auth__SigningKey).");
            }

            key = Development;
        }
        else if (durable && key == Development)
        {
            throw new InvalidOperationException("Monitoring:Auth:SigningKey is the public development key; the PostgreSQL mode needs a key of its own.");
        }

        if (key.Length < 32)
        {
            throw new InvalidOperationException($"Monitoring:Auth:SigningKey has {key.Length} characters; HMAC-SHA256 needs at least 32.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }
}
