using System.Text.Json;
using Microsoft.Playwright;
using Monitoring.Dashboard.Tests.Overview;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The regulator's first screen in a real browser against the real host: the funds ranked by risk (not registry
/// order), the page opening on the worst, the hierarchy in the same order, "problems only", the alerts counted per
/// county and the heat map — and the screens at 1600 px, 1280 px and phone width in Chinese and English.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class OverviewPageTests(BrowserFixture browser)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Region_regulator_opens_on_the_worst_county_and_filters_to_the_problems()
    {
        var registry = ThreeCounties.WriteRegistry();
        await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}");
        File.Delete(registry); // put in force at start-up; nothing reads the file again
        await PostAsync(host, ThreeCounties.FirstQuarter());
        await SettledAsync(host);
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("regulator", $"region:{ThreeCounties.Region}"))}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        // Ranked 乙 (橙色预警, ~15 points), 丙 (黄色预警, ~6 points), 甲 (on pace) — registry order is 甲, 乙, 丙.
        var countyRows = page.Locator("#ranking .rank-row[data-level='county']");
        await Expect(countyRows).ToHaveCountAsync(3);
        Assert.Equal([ThreeCounties.Yi, ThreeCounties.Bing, ThreeCounties.Jia], await IdsAsync(countyRows));
        await Expect(countyRows.Nth(0).Locator(".pace-badge")).ToHaveTextAsync("橙色预警");
        await Expect(countyRows.Nth(1).Locator(".pace-badge")).ToHaveTextAsync("黄色预警");
        await Expect(countyRows.Nth(0).Locator(".rank-gap")).ToContainTextAsync("超时间进度");
        await Expect(countyRows.Nth(0).Locator(".rank-gap")).ToContainTextAsync("个百分点");
        await Expect(countyRows.Nth(0).Locator(".tally[data-kind='budget-pace'][data-severity='warning']")).ToContainTextAsync("基金支出进度预警 · 橙色预警");
        await Expect(countyRows.Nth(2).Locator(".tally.none")).ToHaveTextAsync("无未结预警");

        // The page opens on the worst fund, and the hierarchy is in the same order.
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("乙县");
        await Expect(countyRows.Nth(0)).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal([ThreeCounties.Yi, ThreeCounties.Bing, ThreeCounties.Jia], await IdsAsync(page.Locator("#hierarchy .entity[data-level='county']")));

        // The heat map: a row per county and alliance, 乙县's March far over its plan, 甲县's near it, May not yet come.
        await Expect(page.Locator("#heatmap .heat-row")).ToHaveCountAsync(4);
        await Expect(page.Locator($"#heatmap .heat-row[data-key='county:{ThreeCounties.Yi}'] .heat-cell[data-month='2026-03']")).ToHaveAttributeAsync("data-band", "far");
        var jiaMarch = await page.Locator($"#heatmap .heat-row[data-key='county:{ThreeCounties.Jia}'] .heat-cell[data-month='2026-03']").GetAttributeAsync("data-ratio");
        Assert.InRange(decimal.Parse(jiaMarch!, System.Globalization.CultureInfo.InvariantCulture), 0.9m, 1.05m);
        await Expect(page.Locator($"#heatmap .heat-row[data-key='county:{ThreeCounties.Yi}'] .heat-cell[data-month='2026-05']")).ToHaveAttributeAsync("data-band", "future");

        // Problems only: 甲县 leaves the ranking and the hierarchy; 乙县's hospital (a problem itself) stays.
        await page.Locator("#problems-only").CheckAsync();
        await Expect(countyRows).ToHaveCountAsync(2);
        await Expect(page.Locator("#hierarchy .entity[data-level='county']")).ToHaveCountAsync(2);
        await Expect(page.Locator($"#hierarchy .entity[data-key='hospital:{ThreeCounties.YiHospital}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#hierarchy .entity[data-key='county:{ThreeCounties.Jia}']")).ToHaveCountAsync(0);

        // Selecting a fund from the heat map keeps it in view in the hierarchy.
        await page.Locator($"#heatmap .heat-row[data-key='county:{ThreeCounties.Bing}']").ClickAsync();
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("丙县");
        await Expect(page.Locator($"#hierarchy .entity[data-key='county:{ThreeCounties.Bing}']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator($"#hierarchy .entity[data-key='county:{ThreeCounties.Bing}']")).ToBeInViewportAsync();

        await page.ClickAsync("#lang-en");
        await Expect(countyRows.Nth(0).Locator(".pace-badge")).ToHaveTextAsync("Orange alert");
        await Expect(countyRows.Nth(0).Locator(".rank-gap")).ToContainTextAsync("pts ahead of time");
        await Expect(page.Locator("#overview-heading")).ToHaveTextAsync("Fund overview (riskiest first)");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Regulator_screens_in_Chinese_and_English_at_three_widths()
    {
        var registry = ThreeCounties.WriteRegistry();
        await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}");
        File.Delete(registry); // put in force at start-up; nothing reads the file again
        await PostAsync(host, ThreeCounties.FirstQuarter());
        await SettledAsync(host);
        var token = host.Token("regulator", $"region:{ThreeCounties.Region}");

        foreach (var (width, height) in new[] { (1600, 1000), (1280, 800), (390, 844) })
        {
            foreach (var language in new[] { "zh", "en" })
            {
                var page = await browser.NewPageAsync();
                var scriptErrors = new List<string>();
                page.PageError += (_, error) => scriptErrors.Add(error);
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(token)}");
                await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
                if (language == "en")
                {
                    await page.ClickAsync("#lang-en");
                }

                await Expect(page.Locator("#spend-chart svg")).ToBeVisibleAsync();
                await ChartLooksRightAsync(page, $"{width}px {language}");
                await SaveScreenshotAsync(page, $"regulator-{width}-{language}.png");
                // The first screen as it opens, and the selected fund's panel alone, to look at closely.
                await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"regulator-{width}-{language}-first-screen.png") });
                await page.Locator("#detail").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"regulator-{width}-{language}-detail.png") });
                await page.Context.CloseAsync();
                Assert.Empty(scriptErrors);
            }
        }
    }

    /// <summary>The chart's legend sits above its plot (never on the axis), and the titles stay within two lines.</summary>
    internal static async Task ChartLooksRightAsync(IPage page, string what)
    {
        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
              const chart = echarts.getInstanceByDom(document.getElementById('spend-chart'));
              const model = chart.getModel();
              const legend = chart.getViewOfComponentModel(model.getComponent('legend')).group.getBoundingRect();
              const grid = model.getComponent('grid', 0).coordinateSystem.getRect();
              const lines = (el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
              return {
                legendBottom: legend.y + legend.height, gridTop: grid.y,
                nameLines: lines(document.getElementById('detail-name')),
                chartTitleLines: lines(document.querySelector('#detail .section-title')),
              };
            }
            """);
        Assert.True(layout.GetProperty("legendBottom").GetDouble() <= layout.GetProperty("gridTop").GetDouble(),
            $"{what}: the legend reaches down to {layout.GetProperty("legendBottom")} px, the plot starts at {layout.GetProperty("gridTop")} px");
        Assert.True(layout.GetProperty("nameLines").GetInt32() <= 2, $"{what}: the fund's name wraps to {layout.GetProperty("nameLines")} lines");
        Assert.True(layout.GetProperty("chartTitleLines").GetInt32() <= 2, $"{what}: the chart title wraps to {layout.GetProperty("chartTitleLines")} lines");
    }

    private static async Task<List<string?>> IdsAsync(ILocator rows)
    {
        var ids = new List<string?>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            ids.Add(await rows.Nth(i).GetAttributeAsync("data-id"));
        }

        return ids;
    }

    private static async Task PostAsync(RunningHost host, IReadOnlyList<string> claims)
    {
        using var ingest = host.Ingest();
        using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until every account has been judged through 31 March (the levels the scenario leads to).</summary>
    private static async Task SettledAsync(RunningHost host)
    {
        using var admin = host.Admin();
        using var deadline = new CancellationTokenSource(Settle);
        while (true)
        {
            var doc = JsonDocument.Parse(await admin.GetStringAsync("/api/overview", deadline.Token)).RootElement;
            var counties = doc.GetProperty("regions")[0].GetProperty("counties");
            var levels = counties.EnumerateArray().Select(c => c.GetProperty("fund").GetProperty("paceLevel").GetString()).ToList();
            var hospital = counties.EnumerateArray().SelectMany(c => c.GetProperty("alliances").EnumerateArray())
                .SelectMany(a => a.GetProperty("hospitals").EnumerateArray()).Single().GetProperty("paceLevel").GetString();
            if (levels.SequenceEqual(["warning", "notice", "none"]) && hospital == "warning")
            {
                return;
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    internal static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
