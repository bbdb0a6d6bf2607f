using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The page as each role sees it on the running demo — region and county regulator, inspector, hospital — at 1600 px,
/// 1280 px and phone width, in Chinese and English, with screenshots under the test's bin folder (screenshots/roles) to
/// look at; and the overview's county slot for open inspection cases.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RoleScreensTests(BrowserFixture browser)
{
    private const string SplitHospital = "H53092200001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Alert and case kinds as the API names them: the page must show their words, never these.</summary>
    private static readonly string[] RawKinds = ["low-threshold-admission", "split-hospitalization", "upcoding", "budget-pace", "budget-exhausted"];

    [Fact]
    public async Task County_slot_shows_open_cases_and_the_amount_at_stake_in_both_languages()
    {
        await using var host = await RunningHost.StartAsync();
        var (first, second) = TestSplitPairs.Pair("overview-case", SplitHospital, day: 70, firstPaid: 3_950.20m, secondPaid: 4_200.00m);
        using (var ingest = host.Ingest())
        {
            using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first, second])));
            reply.EnsureSuccessStatusCode();
        }

        var atStake = await AtStakeOfCaseAsync(host, "overview-case-2");
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("regulator", "county:530922"))}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var slot = page.Locator("#ranking .county-extra[data-county-id='530922'] .tally.cases");
        await Expect(slot).ToHaveAttributeAsync("data-cases", "1", new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Equal(atStake, decimal.Parse((await slot.GetAttributeAsync("data-at-stake"))!, System.Globalization.CultureInfo.InvariantCulture));
        await Expect(slot).ToContainTextAsync("在办案件 1 件 · 涉及");
        await Expect(slot).ToContainTextAsync("万元");
        await page.ClickAsync("#lang-en");
        await Expect(slot).ToContainTextAsync("open cases: 1 ·");
        await Expect(slot).ToContainTextAsync("at stake");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Every_role_at_every_width_in_both_languages_has_no_overflow_raw_kinds_or_wrapped_title()
    {
        await using var host = await RunningHost.StartAsync(
            "--Monitoring:Demo:Enabled=true",
            "--Monitoring:Registry:Path=",
            "--Monitoring:Demo:Loop=false",
            "--Monitoring:Demo:YearMinutes=0.5",
            "--Monitoring:Demo:ClaimsPerYear=40000",
            "--Monitoring:Demo:BatchInterval=00:00:00.100");
        await YearPlayedAsync(host);

        (string Name, string Token)[] roles =
        [
            ("region-regulator", host.Token("regulator", "region:530900")),
            ("county-regulator", host.Token("regulator", "county:530922")),
            ("inspector", host.Token("inspector", "county:530922")),
            ("hospital", host.Token("hospital", "hospital:H53092100201")),
        ];
        var problems = new List<string>();
        foreach (var (role, token) in roles)
        {
            foreach (var (width, height) in new[] { (1600, 1000), (1280, 800), (390, 844) })
            {
                foreach (var language in new[] { "zh", "en" })
                {
                    var page = await browser.NewPageAsync();
                    var scriptErrors = new List<string>();
                    page.PageError += (_, error) => scriptErrors.Add(error);
                    await page.SetViewportSizeAsync(width, height);
                    await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(token)}");
                    await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
                    if (language == "en")
                    {
                        await page.ClickAsync("#lang-en");
                    }

                    var where = $"{role} {width}px {language}";
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await SaveScreenshotAsync(page, $"{role}-{width}-{language}.png");
                    await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "roles", $"{role}-{width}-{language}-first-screen.png") });
                    foreach (var panel in new[] { "overview", "detail" })
                    {
                        if (await page.Locator($"#{panel}").IsVisibleAsync())
                        {
                            await page.Locator($"#{panel}").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "roles", $"{role}-{width}-{language}-{panel}.png") });
                        }
                    }

                    problems.AddRange(await LayoutProblemsAsync(page, where));
                    problems.AddRange(scriptErrors.Select(e => $"{where}: script error {e}"));
                    await page.Context.CloseAsync();
                }
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>What is wrong on the screen as drawn: the page wider than the window, a raw kind name, the title over two lines.</summary>
    private static async Task<List<string>> LayoutProblemsAsync(IPage page, string where)
    {
        var found = new List<string>();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        if (overflow > 1)
        {
            found.Add($"{where}: the page is {overflow} px wider than the window");
        }

        // A raw kind shows as a label of its own (a badge, a tally, an option), or as a hyphenated code inside a
        // line; "upcoding" alone is also an English word, so inside prose it is not a leak.
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        var labels = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.children.length === 0 && e.offsetParent !== null).map(e => e.textContent.trim())");
        found.AddRange(RawKinds
            .Where(k => labels.Contains(k, StringComparer.Ordinal) || (k.Contains('-', StringComparison.Ordinal) && text.Contains(k, StringComparison.Ordinal)))
            .Select(k => $"{where}: raw kind name '{k}' shown"));
        var titleLines = await page.EvaluateAsync<double>(
            "() => { const t = document.querySelector('.topbar h1'); return t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight || '20'); }");
        if (titleLines > 2.2)
        {
            found.Add($"{where}: the title wraps to {titleLines:0.0} lines");
        }

        // Without an overview (a hospital), a wide board keeps its panels within the window and scrolls inside them.
        var overgrown = await page.EvaluateAsync<double>(@"() => {
            const board = document.getElementById('board');
            if (window.innerWidth <= 1100 || board.hidden || !document.getElementById('overview').hidden) return 0;
            return board.getBoundingClientRect().height - window.innerHeight;
        }");
        if (overgrown > 0)
        {
            found.Add($"{where}: without an overview the board runs {overgrown:0} px past the window");
        }

        // The "today" label of the spend curve: clipped at the plot's right edge late in the year before it was set inside.
        var clipped = await page.EvaluateAsync<double>(@"() => {
            const svg = document.querySelector('#spend-chart svg');
            if (!svg || svg.getBoundingClientRect().width === 0) return 0;
            const box = svg.getBoundingClientRect();
            const label = [...svg.querySelectorAll('text')].find(t => /^(今日|today) /.test(t.textContent));
            if (!label) return 0;
            const r = label.getBoundingClientRect();
            return Math.max(0, r.right - box.right, box.left - r.left);
        }");
        if (clipped > 0.5)
        {
            found.Add($"{where}: the chart's 'today' label runs {clipped:0} px past the chart");
        }

        return found;
    }

    /// <summary>Waits (on the feed's own figures, not the clock) until the demo has settled well into its year.</summary>
    private static async Task YearPlayedAsync(RunningHost host)
    {
        using var regulator = host.Client(host.Token("regulator", "region:530900"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var county = await regulator.GetFromJsonAsync<JsonElement>("/api/funds/county/530922", deadline.Token);
            if (county.GetProperty("asOf").ValueKind == JsonValueKind.String
                && county.GetProperty("asOf").GetDateTimeOffset() >= new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)))
            {
                return;
            }

            await Task.Delay(250, deadline.Token);
        }
    }

    private static async Task<decimal> AtStakeOfCaseAsync(RunningHost host, string claimId)
    {
        using var admin = host.Admin();
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var cases = await admin.GetFromJsonAsync<JsonElement>("/api/cases?limit=100", deadline.Token);
            foreach (var c in cases.EnumerateArray())
            {
                if (c.GetProperty("claimIds").EnumerateArray().Any(id => id.GetString() == claimId))
                {
                    return c.GetProperty("amountAtStake").GetDecimal();
                }
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "roles", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
