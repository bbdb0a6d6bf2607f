using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// Budget alerts on the page in a real browser against the real host: status, full dates, the fund now against the
/// figures at raise time, and acknowledging with a note — in Chinese and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class BudgetAlertPageTests(BrowserFixture browser)
{
    /// <summary>云县人民医院: budget 180,000,000 yuan for 2026.</summary>
    private const string PeopleHospital = "H53092200001";

    private static readonly TimeSpan AlertWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Hospital_sees_status_and_worsening_and_acknowledges_its_alert_with_a_note()
    {
        await using var host = await RunningHost.StartAsync();
        // March at 65% of the year's budget: the first alert is raised in the first days of March, a few points ahead;
        // by the end of March the hospital is some forty points ahead.
        await PostAsync(host, MarchSpree());
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token("hospital", $"hospital:{PeopleHospital}"))}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var items = page.Locator($"#alert-list .alert-item[data-kind='budget-pace'][data-subject-id='{PeopleHospital}']");
        await Expect(items.First).ToBeVisibleAsync(new() { Timeout = (float)AlertWait.TotalMilliseconds });
        var raised = items.Filter(new() { Has = page.Locator(".worsened") }).First;
        await Expect(raised).ToBeVisibleAsync();
        await Expect(raised.Locator(".status-chip")).ToHaveTextAsync("未处理");
        await Expect(raised.Locator(".raised-figures")).ToContainTextAsync("发出时 使用");
        await Expect(raised.Locator(".current-figures")).ToHaveAttributeAsync("data-trend", "worse");
        await Expect(raised.Locator(".alert-time time")).ToHaveTextAsync(FullDateTime());
        await Expect(raised.Locator(".alert-message")).ToContainTextAsync("万元");
        await SaveScreenshotAsync(page, "budget-alerts-zh.png");

        await raised.ClickAsync();
        var dialog = page.Locator("#evidence");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator(".ack-input").FillAsync("已安排医保办核查三月病例");
        await SaveScreenshotAsync(page, "budget-alert-acknowledge-zh.png");
        await dialog.Locator(".ack-button").ClickAsync();

        await Expect(dialog.Locator(".ack-done")).ToContainTextAsync($"hospital@hospital:{PeopleHospital} 于");
        await Expect(dialog.Locator(".ack-note")).ToHaveTextAsync("备注：已安排医保办核查三月病例");
        await Expect(dialog.Locator(".status-chip")).ToHaveTextAsync("已确认");
        await SaveScreenshotAsync(page, "budget-alert-acknowledged-zh.png");
        await page.Keyboard.PressAsync("Escape");
        var alertId = await raised.GetAttributeAsync("data-alert-id");
        var row = page.Locator($"#alert-list .alert-item[data-alert-id='{alertId}']");
        await Expect(row.Locator(".status-chip")).ToHaveTextAsync("已确认");

        await page.ClickAsync("#lang-en");
        await Expect(row.Locator(".status-chip")).ToHaveTextAsync("acknowledged");
        await Expect(row.Locator(".ack-by")).ToContainTextAsync($"acknowledged by hospital@hospital:{PeopleHospital} at 2");
        await Expect(row.Locator(".worsened")).ToContainTextAsync("worsened");
        await Expect(page.Locator("#filter-status option[value='acknowledged']")).ToHaveTextAsync("acknowledged");
        await page.SelectOptionAsync("#filter-status", "acknowledged");
        await Expect(page.Locator("#alert-list .alert-item")).ToHaveCountAsync(1);
        await SaveScreenshotAsync(page, "budget-alerts-en.png");

        using var admin = host.Admin();
        var stored = await admin.GetFromJsonAsync<List<AlertAck>>($"/api/alerts?hospitalId={PeopleHospital}&status=acknowledged");
        Assert.Equal("已安排医保办核查三月病例", Assert.Single(stored!).Acknowledged!.Note);
        Assert.Empty(scriptErrors);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
    private static partial Regex FullDateTime();

    /// <summary>65% of the hospital's budget settled through March, then two claims on 2 April that complete 31 March.</summary>
    private static List<string> MarchSpree()
    {
        const decimal fundPaid = 95_000m;
        var count = (int)Math.Ceiling(180_000_000m * 0.65m / fundPaid);
        var march = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var minutesApart = (31 * 24 * 60 - 8 * 60) / count;
        var claims = new List<string>(count + 2);
        for (var i = 0; i < count; i++)
        {
            var settled = march.AddMinutes(i * minutesApart);
            claims.Add(TestClaims.Settlement($"ack-{i:D5}", PeopleHospital, settled, DateOnly.FromDateTime(settled.DateTime).AddDays(-1),
                fundPaid, 120_000m, $"P-ack-{i:D5}"));
        }

        var april = new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.FromHours(8));
        claims.Add(TestClaims.Settlement("ack-late-0", PeopleHospital, april, new DateOnly(2026, 4, 1), 8_000m, 10_000m, "P-ack-late-0"));
        claims.Add(TestClaims.Settlement("ack-late-1", PeopleHospital, april.AddMinutes(1), new DateOnly(2026, 4, 1), 8_000m, 10_000m, "P-ack-late-1"));
        return claims;
    }

    private static async Task PostAsync(RunningHost host, IReadOnlyList<string> claims)
    {
        using var ingest = host.Ingest();
        using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        response.EnsureSuccessStatusCode();
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    private sealed record AlertAck(string AlertId, AckView? Acknowledged);

    private sealed record AckView(string By, DateTimeOffset At, string? Note);
}
