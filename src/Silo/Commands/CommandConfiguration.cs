namespace Monitoring.Silo.Commands;

/// <summary>
/// The configuration a command sees: the host's own sources in the host's order (appsettings, the environment's
/// appsettings, environment variables, <c>--Key=Value</c> arguments), so a command agrees with a host started alike.
/// </summary>
public static class CommandConfiguration
{
    public static IConfiguration Load(IEnumerable<string> settingArgs)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settingArgs])
            .Build();
    }
}
