using System.Net;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Commands;

/// <summary>The <c>token</c> verb, run as its own process like an operator would.</summary>
public sealed class TokenCommandTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task Token_printed_by_the_command_is_accepted_by_an_embedded_host()
    {
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(["token", "--role", "hospital", "--scope", "hospital:H53092200001"]);

        Assert.True(exitCode == 0, stderr);
        var token = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var client = fixture.Host.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/funds/hospital/H53092200001")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/funds/hospital/H53092200002")).StatusCode);
    }

    [Fact]
    public async Task Role_without_its_scope_is_a_usage_error()
    {
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(["token", "--role", "hospital", "--scope", "county:530922"]);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("role hospital needs a scope hospital:<hospitalId>", stderr);
    }

    [Fact]
    public async Task Postgres_mode_without_a_key_mints_nothing()
    {
        var (exitCode, stdout, stderr) = await SiloCommand.RunAsync(
            ["token", "--role", "admin", "--Monitoring:Storage:Provider=PostgreSql", "--Monitoring:Storage:ConnectionString=Host=127.0.0.1"]);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("Monitoring:Auth:SigningKey is not set", stderr);
    }
}
