using System.CommandLine;

namespace Monitoring.Silo.Commands;

/// <summary>
/// The verbs of the host program (<c>token</c>, <c>demo</c>, <c>migrate</c>), read by one parser. Every verb answers
/// the same way: 0 done, 1 the server or the configuration refused, 2 a usage error, with the error and the verb's
/// help on stderr so that stdout carries only what a script reads (a token, a summary).
/// </summary>
public static class Verbs
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int UsageError = 2;

    /// <summary>Whether the command line names a verb; without one the program runs the host with all its arguments.</summary>
    public static bool Named(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] is TokenCommand.Name or DemoCommand.Name or MigrateCommand.Name;

    public static RootCommand Root() => new("医保基金实时监测 · fund monitor: with no verb, runs the host")
    {
        TokenCommand.Create(),
        DemoCommand.Create(),
        MigrateCommand.Create(),
    };

    /// <param name="args">the whole command line, the verb first</param>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = Root();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync(cancellationToken: cancellationToken);
        }

        var verb = parsed.CommandResult.Command;
        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync($"{verb.Name}: {error.Message}");
        }

        var help = verb == root ? ["--help"] : new[] { verb.Name, "--help" };
        await root.Parse(help).InvokeAsync(new InvocationConfiguration { Output = Console.Error }, cancellationToken);
        return UsageError;
    }

    /// <summary>
    /// A value that is itself an option name means the value was left out (<c>--post --token t</c>); the parser would
    /// take the option name as the value.
    /// </summary>
    public static Option<string> Text(string name, string valueName, string description)
    {
        var option = new Option<string>(name) { HelpName = valueName, Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && value.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"{name} needs a value");
            }
        });
        return option;
    }

    /// <summary>Whether the option was on the command line, not merely defaulted.</summary>
    public static bool Given(this System.CommandLine.Parsing.CommandResult result, Option option) =>
        result.GetResult(option) is { Implicit: false };
}
