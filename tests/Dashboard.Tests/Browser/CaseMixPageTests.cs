using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>The DRG indicators on the page (casemix.js) in a real browser against the real host (云县, the contract's example registry).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CaseMixPageTests(BrowserFixture browser)
{
    /// <summary>云县人民医院 and 云县中医医院: both level 2, so each is the other's peer.</summary>
    private const string PeopleHospital = "H53092200001";
    private const string ChineseMedicineHospital = "H53092200002";

    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Hospital_indicators_trend_against_peers_and_the_county_ranking_show_in_Chinese_and_English()
    {
        await using var host = await RunningHost.StartAsync();
        var at = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));
        List<string> claims =
        [
            .. Enumerable.Range(0, 8).Select(i => TestClaims.Settlement($"cmp-a{i}", PeopleHospital, at.AddDays(i * 5), new DateOnly(2026, 3, 9).AddDays(i * 5), 4_000m, 6_000m, $"P-cmp-a{i}")),
            .. Enumerable.Range(0, 4).Select(i => TestClaims.Settlement($"cmp-b{i}", ChineseMedicineHospital, at.AddDays(i * 9), new DateOnly(2026, 3, 9).AddDays(i * 9), 3_000m, 5_000m, $"P-cmp-b{i}")
                .Replace("\"drgCode\":\"ES23\",\"drgWeight\":0.92", "\"drgCode\":\"ES25\",\"drgWeight\":0.72", StringComparison.Ordinal)),
        ];
        using (var ingest = host.Ingest())
        using (var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims))))
        {
            posted.EnsureSuccessStatusCode();
        }

        await WaitForCasesAsync(host, "county", "530922", 12);
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("regulator", "county:530922"))}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        await page.Locator($"#hierarchy .entity[data-level='hospital'][data-id='{PeopleHospital}']").ClickAsync();

        var block = page.Locator("#casemix");
        await Expect(block).ToContainTextAsync("DRG 运行指标");
        await Expect(block.Locator("[data-figure='cmi'] .kpi-value")).ToHaveTextAsync("0.920");
        await Expect(block.Locator("[data-figure='heavyShare'] .kpi-value")).ToHaveTextAsync("100.0%");
        await Expect(block).ToContainTextAsync("同级机构 1 家合计");
        await Expect(block.Locator("#casemix-chart svg")).ToBeVisibleAsync();

        await page.Locator("#hierarchy .entity[data-level='county'][data-id='530922']").ClickAsync();

        var ranking = page.Locator("#casemix-ranking tbody tr");
        await Expect(ranking).ToHaveCountAsync(2);
        await Expect(ranking.First).ToHaveAttributeAsync("data-hospital", PeopleHospital);   // CMI 0.92 above 0.72
        await Expect(block.Locator("[data-figure='groupingRate'] .kpi-value")).ToHaveTextAsync("100.0%");

        await page.ClickAsync("#lang-en");

        await Expect(block).ToContainTextAsync("DRG indicators");
        await Expect(block).ToContainTextAsync("Hospitals ranked");
        Assert.Empty(scriptErrors);
    }

    private static async Task WaitForCasesAsync(RunningHost host, string level, string id, int cases)
    {
        using var admin = host.Admin();
        var deadline = DateTime.UtcNow + ReportWait;
        while (true)
        {
            var report = await admin.GetFromJsonAsync<JsonElement>($"/api/casemix/{level}/{id}");
            if (report.GetProperty("yearToDate").GetProperty("cases").GetInt64() >= cases)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{level} {id} did not report {cases} cases within {ReportWait}");
            await Task.Delay(100);
        }
    }
}
