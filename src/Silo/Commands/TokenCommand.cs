using Monitoring.Access;
using Monitoring.Dashboard.Security;

namespace Monitoring.Silo.Commands;

/// <summary>
/// <c>token --role R [--scope S] [--days N] [--subject NAME]</c>: prints a bearer token alone on stdout, signed with
/// the key the host would use under the same configuration.
/// </summary>
public static class TokenCommand
{
    private const string Usage =
        "usage: token --role admin|ingest|regulator|inspector|hospital [--scope region:<id>|county:<id>|hospital:<id>] [--days N] [--subject NAME] [--Monitoring:Auth:SigningKey=...]";

    public static int Run(string[] args)
    {
        string? role = null, scope = null, subject = null;
        var days = 30.0;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--role": role = Value(); break;
                    case "--scope": scope = Value(); break;
                    case "--subject": subject = Value(); break;
                    case "--days" when double.TryParse(Value(), out var d) && d > 0: days = d; break;
                    case "--days": throw new ArgumentException("--days needs a positive number");
                    default: settings.Add(args[i]); break;
                }
            }
            catch (ArgumentException e)
            {
                return Fail(e.Message);
            }
        }

        var access = AccessScope.Parse(role, scope, out var error);
        if (access is null)
        {
            return Fail(error ?? "--role is required");
        }

        var configuration = CommandConfiguration.Load(settings);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        try
        {
            var issuer = new TokenIssuer(auth, SigningKeys.Resolve(auth, storage.IsDurable));
            Console.Out.WriteLine(issuer.Mint(access, TimeSpan.FromDays(days), subject));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
