using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The README's newcomer path, as a newcomer walks it: start the embedded host, take the tokens it prints, open the
/// dashboard with the one it says to paste first, paste the hospital's; and the README's quick start, every command,
/// at two points of the demo's loop.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class ReadmePathTests(BrowserFixture browser)
{
    private const string PlantedHospital = "H53092100201";

    [Fact]
    public async Task Printed_tokens_open_the_planted_story_for_the_region_regulator_and_the_hospital()
    {
        await using var host = await HostProcess.StartAsync();
        var tokens = await PrintedTokensAsync(host);
        Assert.Contains("paste the regulator region:530900 token first", host.Output, StringComparison.Ordinal);
        var first = tokens["regulator region:530900"];
        Assert.True(tokens.ContainsKey("regulator county:530922"));
        var hospital = tokens[$"hospital hospital:{PlantedHospital}"];
        Assert.True(tokens.ContainsKey("inspector county:530922"));

        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(first)}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#hierarchy")).ToContainTextAsync("云县");
        await SaveScreenshotAsync(page, "readme-region-regulator-zh.png");

        await page.ClickAsync("#sign-out");
        await page.FillAsync("#token-input", hospital);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("凤庆县康华医院");
        await Expect(page.Locator("#drilldown .section-title")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "readme-hospital-zh.png");
        Assert.Empty(scriptErrors);

    }

    /// <summary>
    /// The README's quick start, every line of it, as written: the run line starts the host (its settings as given), the
    /// open line's link is the one the tokens file holds, and each call answers 200 with the file's tokens — in the
    /// first year the demo opens mid-way, and again after the loop has put the next fund year in force.
    /// </summary>
    [Fact]
    public async Task Every_quick_start_command_works_mid_year_and_after_the_demo_loops()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ContractFiles.RepositoryRoot, "README.md"));
        var block = QuickStartBlock().Match(readme);
        Assert.True(block.Success, "the README has no quick-start sh block");
        var commands = block.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(5, commands.Length);
        Assert.StartsWith("dotnet run --project src/Silo --", commands[0], StringComparison.Ordinal);
        Assert.Equal(". ./demo-tokens.env && echo \"$DASHBOARD\"", commands[1]);
        var calls = commands[2..].Select(c => CurlLine().Match(c)).ToList();
        Assert.All(calls, c => Assert.True(c.Success, $"not a call the test can run: {c.Value}"));

        // A fast year, so the loop comes round within the test; the README's own settings on top.
        await using var host = await HostProcess.StartAsync(
            ["--Monitoring:Demo:YearMinutes=0.75", "--Monitoring:Demo:ClaimsPerYear=20000", .. commands[0]["dotnet run --project src/Silo --".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        var env = await TokensFileAsync(host);
        Assert.Equal(host.Address.ToString().TrimEnd('/'), env["BASE"]);
        Assert.Contains("打开 / open: " + env["DASHBOARD"], host.Output, StringComparison.Ordinal);

        await RunCallsAsync(env, calls, "mid-year");
        using (var looped = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            while (!host.Output.Contains("the registry of fund year 2027 is in force", StringComparison.Ordinal))
            {
                await Task.Delay(200, looped.Token);
            }
        }

        await RunCallsAsync(env, calls, "after the loop");
    }

    private static async Task RunCallsAsync(Dictionary<string, string> env, List<Match> calls, string when)
    {
        using (var open = new HttpClient())
        {
            using var page = await open.GetAsync(env["DASHBOARD"]);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{when}: the ready link answers {(int)page.StatusCode}");
        }

        foreach (var call in calls)
        {
            var url = call.Groups["url"].Value.Replace("$BASE", env["BASE"], StringComparison.Ordinal);
            using var client = new HttpClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", env[call.Groups["token"].Value]);
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{when}: {call.Value} answers {(int)response.StatusCode}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>The tokens file the host writes: NAME=value lines.</summary>
    private static async Task<Dictionary<string, string>> TokensFileAsync(HostProcess host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!File.Exists(host.TokensFile) || !host.Output.Contains("打开 / open:", StringComparison.Ordinal))
        {
            await Task.Delay(50, timeout.Token);
        }

        return (await File.ReadAllLinesAsync(host.TokensFile, timeout.Token)).Where(l => !l.StartsWith('#') && l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..], StringComparer.Ordinal);
    }

    [GeneratedRegex(@"## Quick start\s*```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();

    [GeneratedRegex(@"^curl -H ""Authorization: Bearer \$(?<token>[A-Z_]+)"" ""(?<url>\$BASE/[^""]+)""$")]
    private static partial Regex CurlLine();

    /// <summary>The token lines the host prints at start-up, keyed "role scope".</summary>
    private static async Task<Dictionary<string, string>> PrintedTokensAsync(HostProcess host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!host.Output.Contains("token first", StringComparison.Ordinal))
        {
            await Task.Delay(50, timeout.Token);
        }

        return TokenLine().Matches(host.Output).ToDictionary(m => $"{m.Groups["role"].Value} {m.Groups["scope"].Value}", m => m.Groups["token"].Value);
    }

    [GeneratedRegex(@"^\s+(?<role>admin|ingest|regulator|inspector|hospital)\s+(?<scope>\S+)\s+(?<token>eyJ[\w.-]+)", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
