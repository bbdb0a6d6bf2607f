using System.CommandLine;
using Monitoring.Silo.Storage;

namespace Monitoring.Silo.Commands;

/// <summary>
/// <c>migrate [--Monitoring:Storage:ConnectionString=...]</c>: brings a PostgreSQL database to the current schema
/// without starting a host, for operators who apply schema changes as a step of their own. Hosts do the same at start.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static Command Create()
    {
        // The connection string comes as a configuration setting, like the host's: it passes through unmatched.
        var command = new Command(Name, "applies the schema migrations to the database of --Monitoring:Storage:ConnectionString=...")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var configuration = CommandConfiguration.Load(parsed.UnmatchedTokens);
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                await Console.Error.WriteLineAsync("usage: migrate --Monitoring:Storage:ConnectionString=\"Host=...;Database=...;Username=...\"");
                return Verbs.UsageError;
            }

            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            var applied = await new SchemaMigrator(logging.CreateLogger<SchemaMigrator>()).MigrateAsync(storage.ConnectionString, cancellationToken);
            await Console.Out.WriteLineAsync(applied.Count == 0 ? "schema is up to date" : $"applied: {string.Join(", ", applied)}");
            return Verbs.Done;
        });
        return command;
    }
}
