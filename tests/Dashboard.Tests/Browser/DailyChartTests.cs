using System.Text.Json;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The spend curve by settlement day in a real browser: it rises on the days money was paid (not at month ends), ends
/// at today's figure with a "today" marker in settlement time, and has each month's spend against its plan beside it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DailyChartTests(BrowserFixture browser)
{
    /// <summary>云县人民医院: budget 180,000,000 yuan for 2026; 云县 has no monthly profile, so the plan is flat by days.</summary>
    private const string PeopleHospital = "H53092200001";

    [Fact]
    public async Task Curve_steps_on_the_days_paid_and_ends_at_today_with_monthly_bars_beside_it()
    {
        await using var host = await RunningHost.StartAsync();
        using (var ingest = host.Ingest())
        {
            using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([
                TestClaims.Settlement("chart-1", PeopleHospital, At(2, 10), new DateOnly(2026, 2, 9), 3_000_000m, 4_000_000m, "P-c1"),
                TestClaims.Settlement("chart-2", PeopleHospital, At(3, 10), new DateOnly(2026, 3, 9), 1_000_000m, 1_500_000m, "P-c2"),
                TestClaims.Settlement("chart-3", PeopleHospital, At(3, 20), new DateOnly(2026, 3, 19), 2_000_000m, 3_000_000m, "P-c3"),
                TestClaims.Settlement("chart-4", PeopleHospital, At(3, 25), new DateOnly(2026, 3, 24), 500_000m, 700_000m, "P-c4"),
            ])));
            response.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("hospital", $"hospital:{PeopleHospital}"))}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var chart = page.Locator("#spend-chart");
        await Expect(chart).ToHaveAttributeAsync("data-resolution", "day");
        await Expect(chart).ToHaveAttributeAsync("data-today", "2026-03-25");
        var drawn = await page.EvaluateAsync<JsonElement>("""
            () => {
              const option = echarts.getInstanceByDom(document.getElementById('spend-chart')).getOption();
              const days = option.xAxis[0].data;
              const actual = option.series[0].data;
              const at = (day) => actual[days.indexOf(day)];
              const bars = option.series.find((s) => s.type === 'bar' && s.xAxisIndex === 1);
              return {
                days: days.length, feb9: at('2026-02-09'), feb10: at('2026-02-10'), mar9: at('2026-03-09'), mar10: at('2026-03-10'),
                mar19: at('2026-03-19'), mar20: at('2026-03-20'), mar25: at('2026-03-25'), mar26: at('2026-03-26'),
                today: option.series[0].markLine.data[0].xAxis, monthBars: bars.data,
              };
            }
            """);
        Assert.Equal(365, drawn.GetProperty("days").GetInt32());
        // Flat between payments, a step on the day of each: a month-end curve would show none of these days.
        Assert.Equal(0m, drawn.GetProperty("feb9").GetDecimal());
        Assert.Equal(3_000_000m, drawn.GetProperty("feb10").GetDecimal());
        Assert.Equal(3_000_000m, drawn.GetProperty("mar9").GetDecimal());
        Assert.Equal(4_000_000m, drawn.GetProperty("mar10").GetDecimal());
        Assert.Equal(4_000_000m, drawn.GetProperty("mar19").GetDecimal());
        Assert.Equal(6_000_000m, drawn.GetProperty("mar20").GetDecimal());
        Assert.Equal(6_500_000m, drawn.GetProperty("mar25").GetDecimal());
        Assert.Equal(JsonValueKind.Null, drawn.GetProperty("mar26").ValueKind);
        Assert.Equal("2026-03-25", drawn.GetProperty("today").GetString());
        var months = drawn.GetProperty("monthBars").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetDecimal()).ToList();
        Assert.Equal([0m, 3_000_000m, 3_500_000m, null, null, null, null, null, null, null, null, null], months);
        await Expect(page.Locator("#spend-chart")).ToContainTextAsync("今日 3月25日");

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await Expect(page.Locator("#spend-chart")).ToContainTextAsync("今日 3月25日");
            await OverviewPageTests.ChartLooksRightAsync(page, $"{width}px");
            await OverviewPageTests.SaveScreenshotAsync(page, $"daily-chart-{width}-zh.png");
        }

        await page.ClickAsync("#lang-en");
        await Expect(page.Locator("#spend-chart")).ToContainTextAsync("today Mar 25");
        await OverviewPageTests.ChartLooksRightAsync(page, "390px en");
        await OverviewPageTests.SaveScreenshotAsync(page, "daily-chart-390-en.png");
        Assert.Empty(scriptErrors);
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));
}
