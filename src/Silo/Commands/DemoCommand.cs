using System.CommandLine;
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
    public const string Name = "demo";

    /// <summary>The contract's limit on one batch of <c>POST /api/claims</c>.</summary>
    private const int MaxBatch = 10_000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="args">the arguments after <c>demo</c> (a leading <c>demo</c> is skipped)</param>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) =>
        Verbs.RunAsync(args.Length > 0 && args[0] == Name ? args : [Name, .. args], cancellationToken);

    public static Command Create()
    {
        var output = Verbs.Text("--out", "DIR", "write DIR/registry.json and DIR/claims.ndjson");
        var post = Verbs.Text("--post", "URL", "post the claims as NDJSON batches to URL/api/claims");
        var token = Verbs.Text("--token", "TOKEN", "bearer token for posting claims (role ingest)");
        var registry = new Option<bool>("--registry") { Description = "first PUT the demo registry to URL/api/registry" };
        var adminToken = Verbs.Text("--admin-token", "TOKEN", "bearer token for the registry (role admin); defaults to --token");
        var claims = Number("--claims", DemoClaimStream.MinimumClaims, DemoClaimStream.MaximumClaims, 200_000, "settlements in the year");
        var batch = Number("--batch", 1, MaxBatch, 1_000, "claims per posted batch", "the server's limit");
        var seed = new Option<int>("--seed") { HelpName = "S", Description = "seed of the registry and the claims", DefaultValueFactory = _ => 2026 };
        var year = Number("--year", 2000, 2100, 2026, "fund year");
        var noSplits = new Option<bool>("--no-splits") { Description = "plant no split hospitalization and no look-alikes" };
        var noBudget = new Option<bool>("--no-budget-stories") { Description = "plant no budget stories (step-ups, early heat, a late county overrun)" };

        var command = new Command(Name, "writes the demo registry and a year of claims to files, or posts them to a running host")
        {
            output, post, token, registry, adminToken, claims, batch, seed, year, noSplits, noBudget,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(output) is null == result.GetValue(post) is null)
            {
                result.AddError("give either --out DIR or --post URL");
            }
            else if (result.GetValue(output) is not null)
            {
                if (new Option[] { token, adminToken, registry, batch }.FirstOrDefault(result.Given) is { } postOnly)
                {
                    result.AddError($"{postOnly.Name} goes with --post, not --out");
                }
            }
            else if (!Uri.TryCreate(result.GetValue(post), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                result.AddError($"--post needs an http or https URL, not \"{result.GetValue(post)}\"");
            }
            else if (result.GetValue(token) is null)
            {
                result.AddError("--post needs --token");
            }
            else if (result.GetValue(adminToken) is not null && !result.GetValue(registry))
            {
                result.AddError("--admin-token goes with --registry");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var scenario = DemoPrefecture.Plan(parsed.GetValue(seed), parsed.GetValue(year));
            if (!parsed.GetValue(noBudget))
            {
                scenario = BudgetPlanting.Plant(scenario, parsed.GetValue(year)).Scenario;
            }

            var stream = new DemoClaimStream(scenario, parsed.GetValue(seed), parsed.GetValue(claims), plantSplits: !parsed.GetValue(noSplits));
            if (parsed.GetValue(output) is { } directory)
            {
                return await WriteAsync(directory, scenario, stream, cancellationToken);
            }

            var target = new PostTarget(parsed.GetValue(post)!, parsed.GetValue(token)!, parsed.GetValue(registry), parsed.GetValue(adminToken), parsed.GetValue(batch));
            return await PostAsync(target, scenario, stream, cancellationToken);
        });
        return command;
    }

    private static Option<int> Number(string name, int minimum, int maximum, int fallback, string description, string? why = null)
    {
        var option = new Option<int>(name) { HelpName = "N", Description = $"{description} ({minimum} to {maximum}, default {fallback})", DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            // Read from the token: a value that is no number at all is the parser's error, reported once, by it.
            if (result.Tokens is [var given] && int.TryParse(given.Value, CultureInfo.InvariantCulture, out var value) && (value < minimum || value > maximum))
            {
                result.AddError($"{name} must be {minimum} to {maximum}{(why is null ? "" : $", {why}")}");
            }
        });
        return option;
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
        return Verbs.Done;
    }

    private static async Task<int> PostAsync(PostTarget target, DemoScenario scenario, DemoClaimStream stream, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(target.Url.TrimEnd('/') + "/") };
        try
        {
            if (target.Registry)
            {
                using var put = new HttpRequestMessage(HttpMethod.Put, "api/registry")
                {
                    Content = new StringContent(JsonSerializer.Serialize(scenario.Registry, DemoJson.Compact), Utf8, "application/json"),
                };
                put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.AdminToken ?? target.Token);
                using var response = await http.SendAsync(put, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Refused("PUT api/registry", response, cancellationToken);
                    return Verbs.Refused;
                }

                await Console.Error.WriteLineAsync($"registry installed: {scenario.Institutions.Count} hospitals, fund year {scenario.Registry.FundYear}");
            }

            var totals = new PostTotals();
            foreach (var batch in stream.Claims().Chunk(target.Batch))
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
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
                using var response = await http.SendAsync(post, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Refused($"POST api/claims (batch {totals.Batches + 1})", response, cancellationToken);
                    return Verbs.Refused;
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
            return totals.Rejected > 0 ? Verbs.Refused : Verbs.Done;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"demo: cannot reach {http.BaseAddress}: {e.Message}");
            return Verbs.Refused;
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

    /// <summary>Where and how <c>--post</c> sends the year.</summary>
    private sealed record PostTarget(string Url, string Token, bool Registry, string? AdminToken, int Batch);
}
