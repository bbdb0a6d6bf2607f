using System.CommandLine;
using Monitoring.Access;
using Monitoring.Dashboard.Security;

namespace Monitoring.Silo.Commands;

/// <summary>
/// <c>token --role R [--scope S] [--days N] [--subject NAME] [--Monitoring:Section:Key=value …]</c>: prints a bearer
/// token alone on stdout, signed with the key the host would use under the same configuration.
/// </summary>
public static class TokenCommand
{
    public const string Name = "token";

    public static Command Create()
    {
        var role = Verbs.Text("--role", "ROLE", "admin, ingest, regulator, inspector or hospital");
        var scope = Verbs.Text("--scope", "SCOPE", "region:<id>, county:<id> or hospital:<id>, as the role needs");
        var subject = Verbs.Text("--subject", "NAME", "who the token names");
        var days = new Option<double>("--days") { HelpName = "N", Description = "days it is valid", DefaultValueFactory = _ => 30 };
        days.Validators.Add(result =>
        {
            // Read from the token: a value that is no number at all is the parser's error, reported once, by it.
            if (result.Tokens is [var given] && double.TryParse(given.Value, out var value) && value <= 0)
            {
                result.AddError("--days needs a positive number");
            }
        });

        // --Monitoring:Section:Key=value settings are not options of the verb: they pass through to the configuration.
        var command = new Command(Name, "prints a bearer token alone on stdout, signed with the key the host would use")
        {
            role, scope, days, subject,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(result =>
        {
            if (AccessScope.Parse(result.GetValue(role), result.GetValue(scope), out var error) is null)
            {
                result.AddError(error ?? "--role is required");
            }
        });
        command.SetAction(parsed =>
        {
            var access = AccessScope.Parse(parsed.GetValue(role), parsed.GetValue(scope), out _)!;
            var configuration = CommandConfiguration.Load(parsed.UnmatchedTokens);
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
            try
            {
                var issuer = new TokenIssuer(auth, SigningKeys.Resolve(auth, storage.IsDurable));
                Console.Out.WriteLine(issuer.Mint(access, TimeSpan.FromDays(parsed.GetValue(days)), parsed.GetValue(subject)));
                return Verbs.Done;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return Verbs.Refused;
            }
        });
        return command;
    }
}
