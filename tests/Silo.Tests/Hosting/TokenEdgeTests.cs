using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Monitoring.Dashboard.Security;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>
/// Correctly signed tokens that the issuer would never mint: a role or scope that does not parse, several roles.
/// They are refused at authentication (401), whatever endpoint they reach.
/// </summary>
public sealed class TokenEdgeTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private RunningHost Host => fixture.Host;

    /// <summary>Signed with the embedded mode's key, with whatever role and scope claims the test gives.</summary>
    private static string Signed(params Claim[] claims)
    {
        var options = new AuthOptions();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKeys.Development)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", "tester"), .. claims]),
        });
    }

    private async Task<HttpStatusCode> StatusAsync(string token, string path, HttpMethod? method = null)
    {
        using var client = Host.Client(token);
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (method == HttpMethod.Post)
        {
            request.Content = TestClaims.Body("[]");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("auditor", null)]
    [InlineData("hospital", "county:530922")]
    [InlineData("regulator", "planet:earth")]
    [InlineData("hospital", null)]
    public async Task Token_whose_role_or_scope_does_not_parse_gets_401(string role, string? scope)
    {
        Claim[] claims = scope is null ? [new("role", role)] : [new("role", role), new("scope", scope)];
        var token = Signed(claims);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token, "/api/registry"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token, "/api/alerts"));
    }

    [Fact]
    public async Task Token_with_two_roles_gets_401_everywhere()
    {
        var token = Signed(new Claim("role", "hospital"), new Claim("role", "admin"), new Claim("scope", "hospital:H53092200001"));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token, "/api/registry"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token, "/api/funds/county/530922"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token, "/api/claims", HttpMethod.Post));
    }

    [Fact]
    public async Task Token_with_two_scopes_gets_401()
    {
        var token = Signed(new Claim("role", "regulator"), new Claim("scope", "county:530922"), new Claim("scope", "county:530923"));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token, "/api/registry"));
    }

    [Fact]
    public async Task Token_without_a_role_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(Signed(), "/api/registry"));
    }

    [Fact]
    public async Task Issued_tokens_still_pass()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Host.Token("regulator", "county:530922"), "/api/registry"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Host.Token("admin"), "/api/registry"));
    }

    [Fact]
    public async Task Hospital_sees_its_county_and_alliance_by_name_but_not_their_budgets()
    {
        using var client = Host.Client(Host.Token("hospital", "hospital:H53092200001"));

        var registry = JsonDocument.Parse(await client.GetStringAsync("/api/registry")).RootElement;

        var county = registry.GetProperty("regions")[0].GetProperty("counties").EnumerateArray().Single();
        Assert.Equal("云县", county.GetProperty("name").GetString());
        Assert.False(county.TryGetProperty("annualBudget", out _));
        var alliance = county.GetProperty("alliances").EnumerateArray().Single();
        Assert.Equal("YX-TIGHT", alliance.GetProperty("allianceId").GetString());
        Assert.False(alliance.TryGetProperty("annualBudget", out _));
        var hospital = county.GetProperty("hospitals").EnumerateArray().Single();
        Assert.Equal(180000000m, hospital.GetProperty("annualBudget").GetDecimal());
    }

    [Fact]
    public async Task Regulator_still_sees_county_and_alliance_budgets()
    {
        using var client = Host.Client(Host.Token("regulator", "county:530922"));

        var registry = JsonDocument.Parse(await client.GetStringAsync("/api/registry")).RootElement;

        var county = registry.GetProperty("regions")[0].GetProperty("counties").EnumerateArray().Single(c => c.GetProperty("countyId").GetString() == "530922");
        Assert.Equal(420000000m, county.GetProperty("annualBudget").GetDecimal());
    }
}
