using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Monitoring.Demo;
using Monitoring.Silo.Ingest;

namespace Monitoring.Silo.Commands;

/// <summary>
/// <c>demo</c> on the command line: writes the demo registry and a year of claims to files, or posts them to a running
/// host over HTTP, as an outside settlement system would. Progress goes to stderr, the summary to stdout.
/// Exit codes: 0 done, 1 the server refused something, 2 usage error.
/// </summary>
public static class DemoCommand
{
    public const string Usage = """
        usage: demo --out DIR [--claims N] [--seed S] [--year Y]
               demo --post URL --token TOKEN [--claims N] [--batch N] [--registry [--admin-token TOKEN]] [--seed S] [--year Y]

          --out DIR            write DIR/registry.json and DIR/claims.ndjson
          --post URL           post the claims as NDJSON batches to URL/api/claims
          --token TOKEN        bearer token for posting claims (role ingest)
          --registry           first PUT the demo registry to URL/api/registry
          --admin-token TOKEN  bearer token for the registry (role admin); defaults to --token
          --claims N           settlements in the year (default 200000)
          --batch N            claims per posted batch, 1 to 10000 (default 1000)
          --seed S             seed of the registry and the claims (default 2026)
          --year Y             fund year (default 2026)
        """;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="args">the arguments after <c>demo</c> (a leading <c>demo</c> is skipped)</param>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        if (!DemoArguments.TryParse(args, out var arguments, out var error))
        {
            await Console.Error.WriteLineAsync($"demo: {error}");
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var scenario = DemoPrefecture.Plan(arguments.Seed, arguments.Year);
        var stream = new DemoClaimStream(scenario, arguments.Seed, arguments.Claims);
        return arguments.OutDirectory is { } directory
            ? await WriteAsync(directory, scenario, stream, cancellationToken)
            : await PostAsync(arguments, scenario, stream, cancellationToken);
    }

    private static async Task<int> WriteAsync(string directory, DemoScenario scenario, DemoClaimStream stream, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var registryPath = Path.Combine(directory, "registry.json");
        await File.WriteAllTextAsync(registryPath, JsonSerializer.Serialize(scenario.Registry, DemoJson.Indented) + "\n", Utf8, cancellationToken);

        var claimsPath = Path.Combine(directory, "claims.ndjson");
        var events = 0;
        var reversals = 0;
        await using (var writer = new StreamWriter(claimsPath, append: false, Utf8) { NewLine = "\n" })
        {
            foreach (var claim in stream.Claims())
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(claim.ToJsonString(DemoJson.Compact));
                events++;
                reversals += (string?)claim["kind"] == "reversal" ? 1 : 0;
            }
        }

        await Console.Out.WriteLineAsync(
            $"wrote {registryPath} ({scenario.Institutions.Count} hospitals) and {claimsPath} ({events} events, {reversals} reversals)");
        return 0;
    }

    private static async Task<int> PostAsync(DemoArguments arguments, DemoScenario scenario, DemoClaimStream stream, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(arguments.PostUrl!.TrimEnd('/') + "/") };
        try
        {
            if (arguments.Registry)
            {
                using var put = new HttpRequestMessage(HttpMethod.Put, "api/registry")
                {
                    Content = new StringContent(JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact), Utf8, "application/json"),
                };
                put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", arguments.AdminToken ?? arguments.Token);
                using var response = await http.SendAsync(put, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Refused("PUT api/registry", response, cancellationToken);
                    return 1;
                }

                await Console.Error.WriteLineAsync($"registry installed: {scenario.Institutions.Count} hospitals, fund year {scenario.Registry.FundYear}");
            }

            var totals = new PostTotals();
            foreach (var batch in stream.Claims().Chunk(arguments.Batch))
            {
                var body = new StringBuilder();
                foreach (var claim in batch)
                {
                    body.Append(claim.ToJsonString(DemoJson.Compact)).Append('\n');
                }

                using var post = new HttpRequestMessage(HttpMethod.Post, "api/claims")
                {
                    Content = new StringContent(body.ToString(), Utf8, "application/x-ndjson"),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", arguments.Token);
                using var response = await http.SendAsync(post, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Refused($"POST api/claims (batch {totals.Batches + 1})", response, cancellationToken);
                    return 1;
                }

                var reply = await JsonSerializer.DeserializeAsync<IngestReply>(
                    await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken)
                    ?? throw new InvalidDataException("the server answered a batch with JSON null");
                totals.Add(batch.Length, reply);
                foreach (var rejected in reply.Rejected.Take(3))
                {
                    await Console.Error.WriteLineAsync($"  rejected {rejected.ClaimId}: {string.Join("; ", rejected.Errors)}");
                }

                await Console.Error.WriteLineAsync(
                    $"batch {totals.Batches}: {totals.Sent} sent, {totals.Accepted} accepted, {totals.Duplicates} duplicates, {totals.Rejected} rejected");
            }

            await Console.Out.WriteLineAsync(
                $"posted {totals.Sent} events in {totals.Batches} batches to {http.BaseAddress}: {totals.Accepted} accepted, {totals.Duplicates} duplicates, {totals.Rejected} rejected");
            return totals.Rejected > 0 ? 1 : 0;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"demo: cannot reach {http.BaseAddress}: {e.Message}");
            return 1;
        }
    }

    private static async Task Refused(string what, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        await Console.Error.WriteLineAsync($"demo: {what} refused: {(int)response.StatusCode} {response.ReasonPhrase}");
        if (body.Length > 0)
        {
            await Console.Error.WriteLineAsync(body.Length <= 2000 ? body : body[..2000] + "…");
        }
    }

    private sealed class PostTotals
    {
        public int Batches { get; private set; }

        public long Sent { get; private set; }

        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public long Rejected { get; private set; }

        public void Add(int sent, IngestReply reply)
        {
            Batches++;
            Sent += sent;
            Accepted += reply.Accepted;
            Duplicates += reply.Duplicates;
            Rejected += reply.Rejected.Count;
        }
    }

    /// <summary>The parsed command line of <c>demo</c>.</summary>
    private sealed record DemoArguments(
        string? OutDirectory,
        string? PostUrl,
        string? Token,
        string? AdminToken,
        bool Registry,
        int Claims,
        int Batch,
        int Seed,
        int Year)
    {
        private const int MaxBatch = 10_000;

        public static bool TryParse(string[] args, out DemoArguments arguments, out string error)
        {
            arguments = new DemoArguments(null, null, null, null, false, 200_000, 1_000, 2026, 2026);
            error = "";
            var rest = args.Length > 0 && args[0] == "demo" ? args[1..] : args;
            var seen = new HashSet<string>();
            for (var i = 0; i < rest.Length; i++)
            {
                var name = rest[i];
                if (!seen.Add(name))
                {
                    error = $"{name} given twice";
                    return false;
                }

                if (name == "--registry")
                {
                    arguments = arguments with { Registry = true };
                    continue;
                }

                if (name is not ("--out" or "--post" or "--token" or "--admin-token" or "--claims" or "--batch" or "--seed" or "--year"))
                {
                    error = $"unknown argument {name}";
                    return false;
                }

                if (i + 1 >= rest.Length || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{name} needs a value";
                    return false;
                }

                var value = rest[++i];
                switch (name)
                {
                    case "--out":
                        arguments = arguments with { OutDirectory = value };
                        break;
                    case "--post":
                        arguments = arguments with { PostUrl = value };
                        break;
                    case "--token":
                        arguments = arguments with { Token = value };
                        break;
                    case "--admin-token":
                        arguments = arguments with { AdminToken = value };
                        break;
                    default:
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                            && !(name == "--seed" && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)))
                        {
                            error = $"{name} needs a whole number, not \"{value}\"";
                            return false;
                        }

                        arguments = name switch
                        {
                            "--claims" => arguments with { Claims = number },
                            "--batch" => arguments with { Batch = number },
                            "--seed" => arguments with { Seed = number },
                            _ => arguments with { Year = number },
                        };
                        break;
                }
            }

            error = Check(arguments, seen) ?? "";
            return error.Length == 0;
        }

        private static string? Check(DemoArguments a, HashSet<string> seen)
        {
            if ((a.OutDirectory is null) == (a.PostUrl is null))
            {
                return "give either --out DIR or --post URL";
            }

            if (a.OutDirectory is not null && seen.Intersect(["--token", "--admin-token", "--registry", "--batch"]).FirstOrDefault() is { } postOnly)
            {
                return $"{postOnly} goes with --post, not --out";
            }

            if (a.PostUrl is not null)
            {
                if (!Uri.TryCreate(a.PostUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    return $"--post needs an http or https URL, not \"{a.PostUrl}\"";
                }

                if (a.Token is null)
                {
                    return "--post needs --token";
                }

                if (a.AdminToken is not null && !a.Registry)
                {
                    return "--admin-token goes with --registry";
                }
            }

            if (a.Claims is < DemoClaimStream.MinimumClaims or > DemoClaimStream.MaximumClaims)
            {
                return $"--claims must be {DemoClaimStream.MinimumClaims} to {DemoClaimStream.MaximumClaims}";
            }

            if (a.Batch is < 1 or > MaxBatch)
            {
                return $"--batch must be 1 to {MaxBatch}, the server's limit";
            }

            return a.Year is < 2000 or > 2100 ? "--year must be 2000 to 2100" : null;
        }
    }
}
