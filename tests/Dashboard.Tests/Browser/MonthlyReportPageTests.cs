using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The printable monthly report (format=html) as a county regulator reads it at 1600 px and on a phone at 390 px, in
/// Chinese and English: column heads, dates, levels, statuses and the figures of the month at a glance each on one line,
/// no sideways scroll. Screenshots go under the test's bin folder (screenshots/report) to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MonthlyReportPageTests(BrowserFixture browser)
{
    /// <summary>A cell, head or figure that breaks over lines, and the page's sideways scroll.</summary>
    private const string Wraps = """
        () => {
          const found = [];
          const overflow = document.documentElement.scrollWidth - window.innerWidth;
          if (overflow > 1) found.push(`the page scrolls sideways by ${overflow} px`);
          const lines = (node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
          };
          for (const el of document.querySelectorAll('th, td.k, td.n, .kpi b')) {
            if (lines(el) > 1) found.push(`"${el.textContent.trim().slice(0, 40)}" wraps over ${lines(el)} lines`);
          }
          for (const kpi of document.querySelectorAll('.kpi')) {
            const label = kpi.firstChild;
            if (label && label.nodeType === Node.TEXT_NODE && lines(label) > 1) found.push(`figure label "${label.textContent.trim()}" wraps`);
          }
          return found;
        }
        """;

    [Fact]
    public async Task The_report_page_reads_on_one_line_a_cell_at_desk_and_phone_width_in_both_languages()
    {
        await using var host = await RunningHost.StartAsync();
        var (first, second) = TestSplitPairs.Pair("report-page", "H53092200001", day: 70);
        using (var ingest = host.Ingest())
        {
            using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first, second])));
            response.EnsureSuccessStatusCode();
        }

        var token = host.Token("regulator", "county:530922");
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1600, 1000), (390, 844) })
        {
            foreach (var language in new[] { "zh", "en" })
            {
                var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height },
                    Locale = "zh-CN",
                    ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
                });
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(30_000);
                var url = $"{host.Address}api/reports/monthly/county/530922?month=2026-03&format=html&lang={language}";
                // The split pair's alert is listed once the detector has run: the alerts table is the one that wrapped.
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
                do
                {
                    await page.GotoAsync(url);
                }
                while (await page.Locator("table#report-alerts").CountAsync() == 0 && DateTime.UtcNow < deadline && await Pause());

                await Expect(page.Locator("table#report-alerts tbody tr").First).ToBeVisibleAsync();
                await Expect(page.Locator("#report-months tbody tr")).ToHaveCountAsync(3); // January to the report's March
                var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "report", $"monthly-{width}-{language}.png");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                problems.AddRange((await page.EvaluateAsync<string[]>(Wraps)).Select(p => $"{width}px {language}: {p}"));
                await context.CloseAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(250);
        return true;
    }
}
