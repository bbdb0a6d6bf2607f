using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Xunit;

namespace Monitoring.Silo.Tests.Storage;

/// <summary>One migrated database with one probe silo running on it, shared by the tests of a class.</summary>
public sealed class ProbeSiloFixture(PostgresServer postgres) : IAsyncLifetime
{
    private ProbeSilo? _silo;

    public string ConnectionString { get; private set; } = "";

    public string ClusterId { get; } = $"probe-cluster-{Guid.NewGuid():N}";

    public string ServiceId { get; } = $"probe-service-{Guid.NewGuid():N}";

    public ProbeSilo Silo => _silo ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(ConnectionString, CancellationToken.None);
        _silo = await ProbeSilo.StartAsync(ConnectionString, ClusterId, ServiceId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
