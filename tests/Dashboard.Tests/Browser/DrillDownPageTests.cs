using System.Globalization;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The drill-down on the page in a real browser against the real host: a hospital sees its own groups and the claims
/// behind a figure, never another hospital's rows — in Chinese and in English, at a desktop and a phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DrillDownPageTests(BrowserFixture browser)
{
    private const string Own = "H53092200001";
    private const string Other = "H53092200002";
    private static readonly string[] Drgs = ["ES23", "GB13", "FM19"];
    private static readonly string[] Departments = ["呼吸内科", "普外科", "心内科"];

    /// <summary>Claims of both hospitals in January and February, three DRGs and departments each.</summary>
    private static List<string> TwoHospitals()
    {
        var claims = new List<string>();
        for (var i = 0; i < 90; i++)
        {
            foreach (var hospital in new[] { Own, Other })
            {
                var settled = new DateTimeOffset(2026, 1, 3, 9, 0, 0, TimeSpan.FromHours(8)).AddHours(i * 12);
                var discharge = DateOnly.FromDateTime(settled.Date).AddDays(-1);
                var paid = 3_000m + (i % 7) * 1_100m + (hospital == Own ? 500m : 0m);
                claims.Add(string.Create(CultureInfo.InvariantCulture, $$"""
                    {"claimId":"{{(hospital == Own ? "own" : "other")}}-{{i:D4}}","kind":"settlement","settledAt":"{{settled:yyyy-MM-dd'T'HH:mm:sszzz}}","patientId":"P-{{i % 40:D3}}","hospitalId":"{{hospital}}","insuranceType":"resident","admissionDate":"{{discharge.AddDays(-6):yyyy-MM-dd}}","dischargeDate":"{{discharge:yyyy-MM-dd}}","dischargeDisposition":"1","department":"{{Departments[i % 3]}}","doctorId":"D{{hospital[^3..]}}{{i % 4}}","principalDiagnosis":"J18.900","drgCode":"{{Drgs[i % 3]}}","drgWeight":0.9,"paymentMethod":"drg","totalCost":{{paid / 0.7m:F2}},"fundPaid":{{paid}}}
                    """));
            }
        }

        return claims;
    }

    [Fact]
    public async Task Hospital_drills_into_its_own_groups_and_claims_and_never_sees_another_hospitals_rows()
    {
        await using var host = await RunningHost.StartAsync();
        using (var ingest = host.Ingest())
        {
            using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TwoHospitals())));
            reply.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("hospital", $"hospital:{Own}"))}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var drill = page.Locator("#drilldown");
        await Expect(drill.Locator(".drill-table tbody tr")).ToHaveCountAsync(3);
        await Expect(drill.Locator(".section-title")).ToHaveTextAsync("费用结构分析");
        await Expect(drill.Locator(".drill-summary")).ToContainTextAsync("2026-02");
        await drill.Locator(".drill-table tbody tr[data-key='GB13'] .drill-open").ClickAsync();
        var claimRows = drill.Locator(".drill-claims tbody tr");
        await Expect(claimRows.First).ToBeVisibleAsync();
        var hospitals = await claimRows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.hospitalId)");
        var ids = await claimRows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.claimId)");
        Assert.NotEmpty(hospitals);
        Assert.All(hospitals, h => Assert.Equal(Own, h));
        Assert.All(ids, id => Assert.StartsWith("own-", id, StringComparison.Ordinal));
        await SaveScreenshotAsync(page, "drilldown-hospital-zh-1600.png");

        await drill.Locator(".drill-tab[data-by='department']").ClickAsync();
        await Expect(drill.Locator(".drill-table[data-by='department'] tbody tr[data-key='呼吸内科']")).ToBeVisibleAsync();
        await page.ClickAsync("#lang-en");
        await Expect(drill.Locator(".section-title")).ToHaveTextAsync("What drives the spend");
        await Expect(drill.Locator(".drill-tab[data-by='department']")).ToHaveTextAsync("Department");
        await SaveScreenshotAsync(page, "drilldown-hospital-en-1600.png");
        await page.SetViewportSizeAsync(390, 844);
        await SaveScreenshotAsync(page, "drilldown-hospital-en-phone.png");
        await page.ClickAsync("#lang-zh");
        await SaveScreenshotAsync(page, "drilldown-hospital-zh-phone.png");

        // The page asks only for what the token allows; the server refuses the rest whatever a page would ask.
        var forbidden = await page.EvaluateAsync<int>(
            $"async () => (await fetch('api/drilldown/hospital/{Other}/claims?by=drg&key=GB13', {{ headers: {{ Authorization: 'Bearer ' + sessionStorage.getItem('monitoring.token') }} }})).status");
        Assert.Equal(403, forbidden);
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task County_regulator_downloads_the_monthly_report_and_opens_its_printable_page()
    {
        await using var host = await RunningHost.StartAsync();
        using (var ingest = host.Ingest())
        {
            using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TwoHospitals())));
            reply.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("regulator", "county:530922"))}#county/530922");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#drilldown .drill-summary")).ToContainTextAsync("2026-02");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-xlsx"));
        Assert.Equal("基金运行分析月报-530922-2026-02.xlsx", download.SuggestedFilename);
        var saved = Path.Combine(AppContext.BaseDirectory, "downloads", download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        using (var workbook = File.OpenRead(saved))
        {
            Assert.Contains("逐月", MiniExcelLibs.MiniExcel.GetSheetNames(workbook));   // one language a workbook (lang=zh by default)
        }

        var printable = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("#report-print"));
        await Expect(printable.Locator("#report-title")).ToHaveTextAsync("云县 2026年2月 基金运行分析月报");
        await Expect(printable.Locator("#report-months tbody tr")).ToHaveCountAsync(2);
        await SaveScreenshotAsync(printable, "monthly-report-print.png");
        await SaveScreenshotAsync(page, "drilldown-county-zh-1600.png");
        await page.SetViewportSizeAsync(1280, 900);
        await SaveScreenshotAsync(page, "drilldown-county-zh-1280.png");
        Assert.Empty(scriptErrors);
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
