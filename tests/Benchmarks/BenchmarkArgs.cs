namespace Monitoring.Benchmarks;

/// <summary>Reads <c>--name value</c> integer options with defaults.</summary>
public static class BenchmarkArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
    }

    /// <summary>
    /// Host settings that turn off the detectors a measurement does not score, so that a year posts in a fraction of the
    /// time on a shared machine; the detectors are separate consumers of the ledger, so the one measured finds the same.
    /// </summary>
    public static string[] OnlyDetector(string measured) =>
        [.. new[] { "Readmission", "LowThreshold", "Upcoding" }.Where(d => d != measured).Select(d => $"--Monitoring:Rules:{d}:Enabled=false")];

    /// <summary>Host settings for a throwaway PostgreSQL: starts it and makes a database of its own.</summary>
    public static async Task<string[]> PostgresAsync(Testing.PostgresServer database)
    {
        await database.InitializeAsync();
        return
        [
            "--Monitoring:Storage:Provider=PostgreSql",
            $"--Monitoring:Storage:ConnectionString={await database.CreateDatabaseAsync()}",
            "--Monitoring:Auth:SigningKey=benchmark-signing-key-benchmark-signing-key",
        ];
    }
}
