using Monitoring.Silo.Storage;

namespace Monitoring.Silo.Commands;

/// <summary>
/// <c>migrate [--Monitoring:Storage:ConnectionString=...]</c>: brings a PostgreSQL database to the current schema
/// without starting a host, for operators who apply schema changes as a step of their own. Hosts do the same at start.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = CommandConfiguration.Load(args);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            Console.Error.WriteLine("usage: migrate --Monitoring:Storage:ConnectionString=\"Host=...;Database=...;Username=...\"");
            return 2;
        }

        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var applied = await new SchemaMigrator(logging.CreateLogger<SchemaMigrator>()).MigrateAsync(storage.ConnectionString, CancellationToken.None);
        Console.Out.WriteLine(applied.Count == 0 ? "schema is up to date" : $"applied: {string.Join(", ", applied)}");
        return 0;
    }
}
