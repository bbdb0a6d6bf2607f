using System.Text.Json;
using Monitoring.Registry;
using Monitoring.Silo.Commands;

namespace Monitoring.Silo.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"demo-command-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_out_writes_a_registry_the_parser_accepts()
    {
        var exit = await DemoCommand.RunAsync(["demo", "--out", _directory, "--claims", "1000"], TestContext.Current.CancellationToken);

        var json = await File.ReadAllTextAsync(Path.Combine(_directory, "registry.json"), TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);
        Assert.Empty(RegistryParser.Parse(json).Errors);
        Assert.Contains("云县人民医院", json);
    }

    [Fact]
    public async Task RunAsync_out_writes_one_claim_a_line()
    {
        await DemoCommand.RunAsync(["--out", _directory, "--claims", "1000", "--seed", "5"], TestContext.Current.CancellationToken);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory, "claims.ndjson"), TestContext.Current.CancellationToken);
        Assert.InRange(lines.Length, 1000, 1020);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--post http://localhost:5000")]
    [InlineData("--out x --post http://localhost:5000 --token t")]
    [InlineData("--out x --token t")]
    [InlineData("--out x --claims many")]
    [InlineData("--post http://localhost:5000 --token t --batch 20000")]
    [InlineData("--out x --frobnicate")]
    public async Task RunAsync_usage_error_returns_2(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, await DemoCommand.RunAsync(args, TestContext.Current.CancellationToken));
    }
}
