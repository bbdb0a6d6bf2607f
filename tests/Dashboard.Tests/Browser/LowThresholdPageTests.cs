using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The low-threshold block (降低住院指征收治住院) of the dashboard in a real browser against the real host: a township
/// centre that admits many more short, cheap stays sees its monthly share beside its admissions, and its alert.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LowThresholdPageTests(BrowserFixture browser)
{
    /// <summary>茶房中心卫生院, a level-1 township centre of 云县 in the contract's example registry.</summary>
    private const string Township = "H53092200101";
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly TimeSpan AlertWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Hospital_sees_its_share_of_short_cheap_stays_beside_its_admissions_and_its_alert_in_Chinese_and_English()
    {
        await using var host = await RunningHost.StartAsync();
        for (var week = 0; week < 14; week++)
        {
            await PostAsync(host, [.. Enumerable.Range(0, 30).Select(k => Stay($"LTP-{week:D2}-{k:D2}", week, k, k < (week >= 12 ? 12 : 1)))]);
        }

        await PostAsync(host, [Stay("LTP-14-00", 14, 0, false)]);
        await WaitForAlertAsync(host);
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("hospital", $"hospital:{Township}"))}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var block = page.Locator("#low-threshold");
        await Expect(block).ToContainTextAsync("短期低费用住院占比（降低住院指征收治住院）");
        await Expect(block).ToHaveAttributeAsync("data-level", "warning");
        await Expect(block.Locator("[data-figure='share'] .kpi-value")).ToHaveTextAsync("40.0%");   // April: 24 of 60
        await Expect(block.Locator("[data-figure='share']")).ToContainTextAsync("24 例 / 共 60 例");
        await Expect(block.Locator(".lowthreshold-state.alerted")).ToContainTextAsync("已预警：疑似降低住院指征收治住院（估计自 2026-03-26 起）");
        await Expect(block.Locator(".lowthreshold-chart svg")).ToBeVisibleAsync();
        await Expect(block.Locator(".lowthreshold-chart")).ToContainTextAsync("住院人次");
        await SaveScreenshotAsync(page, "low-threshold-zh.png");

        await page.ClickAsync("#lang-en");

        await Expect(block).ToContainTextAsync("Short, cheap stays (admission below the inpatient threshold)");
        await Expect(block.Locator("[data-figure='share']")).ToContainTextAsync("24 of 60 stays");
        await Expect(block.Locator(".lowthreshold-chart")).ToContainTextAsync("Admissions");
        await SaveScreenshotAsync(page, "low-threshold-en.png");
        Assert.Empty(scriptErrors);
    }

    /// <summary>A stay for gastritis (GU25) settled on the Wednesday of <paramref name="week"/>: short and cheap, or six days at the usual cost.</summary>
    private static string Stay(string claimId, int week, int k, bool shortAndCheap)
    {
        var discharge = Monday.AddDays((7 * week) + 1);
        var settled = new DateTimeOffset(discharge.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(k);
        var cost = shortAndCheap ? 700m : 2_400m;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"claimId":"{{claimId}}","kind":"settlement","settledAt":"{{settled:yyyy-MM-dd'T'HH:mm:sszzz}}","patientId":"P-{{claimId}}","hospitalId":"{{Township}}","insuranceType":"resident","admissionDate":"{{discharge.AddDays(shortAndCheap ? -1 : -6):yyyy-MM-dd}}","dischargeDate":"{{discharge:yyyy-MM-dd}}","dischargeDisposition":"1","principalDiagnosis":"K29.700","drgCode":"GU25","drgWeight":0.35,"paymentMethod":"drg","totalCost":{{cost}},"fundPaid":{{cost * 0.7m}}}
            """);
    }

    private static async Task PostAsync(RunningHost host, IReadOnlyList<string> claims)
    {
        using var ingest = host.Ingest();
        using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitForAlertAsync(RunningHost host)
    {
        using var admin = host.Admin();
        var deadline = DateTime.UtcNow + AlertWait;
        while ((await admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/alerts?kind=low-threshold-admission&hospitalId={Township}&limit=10"))!.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no low-threshold alert for {Township} was stored within {AlertWait}");
            await Task.Delay(100);
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
