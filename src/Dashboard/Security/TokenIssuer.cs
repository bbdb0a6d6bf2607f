using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Monitoring.Access;

namespace Monitoring.Dashboard.Security;

/// <summary>Mints bearer tokens for the contract's roles and scopes.</summary>
public sealed class TokenIssuer(AuthOptions options, SecurityKey key)
{
    public string Mint(AccessScope scope, TimeSpan? lifetime = null, string? subject = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? options.DefaultLifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, subject ?? $"{scope.Role}@{scope.ScopeText}"),
                new Claim(MonitoringClaimTypes.Role, scope.Role),
                new Claim(MonitoringClaimTypes.Scope, scope.ScopeText),
            ]),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
