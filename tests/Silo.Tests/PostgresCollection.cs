using Monitoring.Testing;
using Xunit;

namespace Monitoring.Silo.Tests;

/// <summary>Test classes in this collection share one throwaway PostgreSQL server; each uses its own database.</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
