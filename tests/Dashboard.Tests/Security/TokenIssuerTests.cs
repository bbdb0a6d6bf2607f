using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Monitoring.Access;
using Monitoring.Dashboard.Security;

namespace Monitoring.Dashboard.Tests.Security;

public sealed class TokenIssuerTests
{
    private static readonly AuthOptions Options = new();
    private static readonly SymmetricSecurityKey Key = SigningKeys.Resolve(Options, durable: false);

    [Fact]
    public async Task Minted_token_carries_role_and_scope_back_to_the_caller_scope()
    {
        var token = new TokenIssuer(Options, Key).Mint(AccessScope.Parse("regulator", "county:530922", out _)!);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Options.Issuer,
            ValidAudience = Options.Audience,
            IssuerSigningKey = Key,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var scope = CallerScope.Of(new ClaimsPrincipal(result.ClaimsIdentity));
        Assert.Equal(new AccessScope("regulator", ScopeKind.County, "530922"), scope);
    }

    [Fact]
    public async Task Expired_token_does_not_validate()
    {
        var token = new TokenIssuer(Options, Key).Mint(AccessScope.Parse("admin", null, out _)!, TimeSpan.FromSeconds(-120) + TimeSpan.FromSeconds(1));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Options.Issuer,
            ValidAudience = Options.Audience,
            IssuerSigningKey = Key,
            ClockSkew = TimeSpan.Zero,
        });

        Assert.False(result.IsValid);
    }
}
