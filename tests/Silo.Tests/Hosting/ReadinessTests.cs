using System.Net;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>What <c>/readyz</c> tells an operator: each check by name, with what is missing.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_without_a_registry_says_what_is_missing()
    {
        await using var host = await RunningHost.StartAsync("--Monitoring:Registry:Path=");
        using var client = host.Client();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // degraded, not down: PUT /api/registry must get through
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var cluster = report.GetProperty("checks").GetProperty("cluster");
        Assert.Equal("Degraded", cluster.GetProperty("status").GetString());
        Assert.StartsWith("no registry in force", cluster.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_with_a_registry_is_healthy_and_names_its_version()
    {
        await using var host = await RunningHost.StartAsync();
        using var client = host.Client();

        var report = JsonDocument.Parse(await client.GetStringAsync("/readyz")).RootElement;

        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.StartsWith("registry version", report.GetProperty("checks").GetProperty("cluster").GetProperty("description").GetString());
    }
}
