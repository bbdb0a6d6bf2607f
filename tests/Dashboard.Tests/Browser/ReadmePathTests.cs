using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The README's newcomer path, as a newcomer walks it: start the embedded host, take the tokens it prints, open the
/// dashboard with the one it says to paste first, paste the hospital's, and run the README's API examples with them.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class ReadmePathTests(BrowserFixture browser)
{
    private const string PlantedHospital = "H53092100201";

    [Fact]
    public async Task Printed_tokens_open_the_planted_story_and_make_the_readmes_examples_work()
    {
        await using var host = await HostProcess.StartAsync();
        var tokens = await PrintedTokensAsync(host);
        Assert.Contains("paste the regulator region:530900 token first", host.Output, StringComparison.Ordinal);
        var first = tokens["regulator region:530900"];
        var countyRegulator = tokens["regulator county:530922"];
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

        // The README's curl lines, with the tokens as printed.
        var readme = await File.ReadAllTextAsync(Path.Combine(ContractFiles.RepositoryRoot, "README.md"));
        foreach (var (token, path) in new[]
        {
            (countyRegulator, "/api/funds/county/530922"),
            (first, "/api/funds/county/530922"),
            (countyRegulator, "/api/alerts?kind=budget-pace&limit=20"),
            (hospital, $"/api/drilldown/hospital/{PlantedHospital}?by=drg"),
        })
        {
            Assert.Contains($"http://127.0.0.1:5080{path}", readme, StringComparison.Ordinal);
            using var client = new HttpClient { BaseAddress = host.Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync(path.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

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
