using System.Net;
using System.Net.Http.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>REST visibility decided by the server from the token's role and scope.</summary>
public sealed class ScopeEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private RunningHost Host => fixture.Host;

    private async Task<HttpStatusCode> GetStatusAsync(string? token, string path)
    {
        using var client = Host.Client(token);
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    public async Task Hospital_reads_its_own_fund_but_not_another_hospitals()
    {
        var hospitalA = Host.Token("hospital", "hospital:H53092200001");
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(hospitalA, "/api/funds/hospital/H53092200001"));
        Assert.Equal(HttpStatusCode.Forbidden, await GetStatusAsync(hospitalA, "/api/funds/hospital/H53092200002"));
        Assert.Equal(HttpStatusCode.Forbidden, await GetStatusAsync(hospitalA, "/api/funds/county/530922"));
    }

    [Fact]
    public async Task No_token_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await GetStatusAsync(null, "/api/funds/hospital/H53092200001"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetStatusAsync("not-a-jwt", "/api/funds/hospital/H53092200001"));
    }

    [Fact]
    public async Task Token_signed_with_another_key_gets_401()
    {
        var issuer = new Monitoring.Dashboard.Security.TokenIssuer(new(), new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]));
        var forged = issuer.Mint(Monitoring.Access.AccessScope.Parse("admin", null, out _)!);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetStatusAsync(forged, "/api/funds/county/530922"));
    }

    [Fact]
    public async Task County_regulator_reads_its_county_and_ingest_reads_nothing()
    {
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(Host.Token("regulator", "county:530922"), "/api/funds/alliance/YX-TIGHT"));
        Assert.Equal(HttpStatusCode.Forbidden, await GetStatusAsync(Host.Token("regulator", "county:530923"), "/api/funds/county/530922"));
        Assert.Equal(HttpStatusCode.Forbidden, await GetStatusAsync(Host.Token("ingest"), "/api/funds/county/530922"));
    }

    [Fact]
    public async Task Unknown_fund_gets_404_and_unknown_level_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, await GetStatusAsync(Host.Token("admin"), "/api/funds/hospital/H00000000000"));
        Assert.Equal(HttpStatusCode.BadRequest, await GetStatusAsync(Host.Token("admin"), "/api/funds/planet/earth"));
    }

    [Fact]
    public async Task Hospital_sees_only_itself_in_the_registry()
    {
        using var client = Host.Client(Host.Token("hospital", "hospital:H53092200202"));
        var registry = await client.GetStringAsync("/api/registry");
        Assert.Contains("H53092200202", registry);
        Assert.DoesNotContain("H53092200001", registry);
    }

    [Fact]
    public async Task Refused_registry_leaves_the_one_in_force()
    {
        using var admin = Host.Admin();
        using var response = await admin.PutAsync("/api/registry", TestClaims.Body("""{"fundYear":2026,"regions":[{"regionId":"1","name":"x","counties":[]}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetString()!.StartsWith("regions[0].regionId \"1\" must be a 6-digit division code", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(Host.Token("admin"), "/api/funds/hospital/H53092200001"));
    }

    [Fact]
    public async Task Registry_replacement_needs_admin()
    {
        using var regulator = Host.Client(Host.Token("regulator", "region:530900"));
        using var response = await regulator.PutAsync("/api/registry", TestClaims.Body(ContractFiles.Read("examples/registry.json")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Health_probes_answer_without_a_token()
    {
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(null, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(null, "/readyz"));
    }
}
