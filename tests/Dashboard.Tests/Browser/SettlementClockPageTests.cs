using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// One clock on an inspector's screens: a split pair settled in March 2026 is read months later on the wall clock, and
/// every time the inspector sees (an alert's 发出, its evidence, an acknowledgement, a case's age and 立案 day) is the
/// settlement time the board is at, never the host's or the browser's wall clock.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SettlementClockPageTests(BrowserFixture browser)
{
    private const string Hospital = "H53092200001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Alert_times_acknowledgements_and_case_ages_are_in_settlement_time()
    {
        // The second stay settles on 2026-03-20; the wall clock is wherever the test runs, never that March.
        await using var host = await RunningHost.StartAsync();
        var (first, second) = TestSplitPairs.Pair("clock-case", Hospital, day: 70);
        using (var ingest = host.Ingest())
        {
            using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first, second])));
            response.EnsureSuccessStatusCode();
        }

        var caseId = await CaseOfAsync(host, "clock-case-2");
        var wallDay = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        Assert.False(wallDay.StartsWith("2026-03", StringComparison.Ordinal), "the test needs a wall clock away from the settlements");

        var scriptErrors = new List<string>();
        var page = await browser.NewPageAsync();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var token = host.Services.GetRequiredService<TokenIssuer>().Mint(
            AccessScope.Parse("inspector", "county:530922", out var error) ?? throw new ArgumentException(error), subject: "insp-clock");
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(token)}#cases");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        // The queue: opened on the settlement day, so 0 days old, whatever the wall clock says.
        var row = page.Locator($"#cases-view tr[data-case-id='{caseId}']");
        var age = row.Locator("td.num").Nth(1);
        await Expect(age).ToContainTextAsync("0 天");
        await Expect(age.Locator(".muted")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2026-03-2\\d$"));

        // The board's alert list and the evidence dialog: 发出 is settlement time.
        await page.GotoAsync($"{host.Address}#board");
        var alert = page.Locator($"#alert-list .alert-item[data-kind='split-hospitalization'][data-hospital-id='{Hospital}']").First;
        await Expect(alert.Locator(".alert-time time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2026-03-2\\d \\d{2}:\\d{2}$"),
            new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator("#alert-list")).Not.ToContainTextAsync(wallDay);
        await alert.Locator("button").First.ClickAsync();
        var dialog = page.Locator("#evidence");
        await Expect(dialog).ToContainTextAsync("发出时间（结算时间）");
        await Expect(dialog).Not.ToContainTextAsync(wallDay);

        // Acknowledged now, stamped with the settlement time too.
        await dialog.Locator(".ack-input").FillAsync("已转稽核");
        await dialog.Locator(".ack-button").ClickAsync();
        await Expect(dialog.Locator(".ack-done")).ToContainTextAsync("insp-clock 于 2026-03-2");
        await Expect(dialog).Not.ToContainTextAsync(wallDay);
        await page.Keyboard.PressAsync("Escape");

        await page.ClickAsync("#lang-en");
        await Expect(alert.Locator(".alert-time")).ToContainTextAsync("raised 2026-03-2");
        await page.GotoAsync($"{host.Address}#cases");
        await Expect(page.Locator($"#cases-view tr[data-case-id='{caseId}'] td.num").Nth(1)).ToContainTextAsync("0 d");
        Assert.Empty(scriptErrors);
    }

    private static async Task<string> CaseOfAsync(RunningHost host, string claimId)
    {
        using var admin = host.Admin();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var cases = await admin.GetFromJsonAsync<JsonElement>("/api/cases?limit=100");
            foreach (var c in cases.EnumerateArray())
            {
                if (c.GetProperty("claimIds").EnumerateArray().Any(id => id.GetString() == claimId))
                {
                    return c.GetProperty("caseId").GetString()!;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no case rests on {claimId} within {Patience}");
            await Task.Delay(100);
        }
    }
}
