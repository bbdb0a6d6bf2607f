using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>One embedded (in-memory) host shared by a test class.</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await RunningHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
