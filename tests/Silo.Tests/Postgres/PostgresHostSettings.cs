using System.Security.Cryptography;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>Settings for a host in PostgreSQL mode on one test database, with a signing key of its own.</summary>
public static class PostgresHostSettings
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static string[] For(string connectionString, params string[] more) =>
    [
        "--Monitoring:Storage:Provider=PostgreSql",
        $"--Monitoring:Storage:ConnectionString={connectionString}",
        $"--Monitoring:Auth:SigningKey={SigningKey}",
        $"--Monitoring:Cluster:ClusterId=test-{Guid.NewGuid():N}",
        .. more,
    ];
}
