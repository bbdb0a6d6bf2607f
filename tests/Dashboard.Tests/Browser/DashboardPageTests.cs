using System.Net.Http.Json;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard page in a real browser against the real host (in-process, the contract's example registry: 云县).
/// Each test starts its own host, so the claims one test posts never decide what another sees; the browser is shared.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardPageTests(BrowserFixture browser)
{
    /// <summary>云县人民医院: hospital budget 180,000,000 yuan for 2026, member of the tight alliance YX-TIGHT.</summary>
    private const string PeopleHospital = "H53092200001";
    private const decimal PeopleHospitalBudget = 180_000_000m;

    /// <summary>云县中医医院: hospital budget 60,000,000 yuan for 2026, same alliance.</summary>
    private const string ChineseMedicineHospital = "H53092200002";
    private const decimal ChineseMedicineHospitalBudget = 60_000_000m;

    private static readonly TimeSpan AlertWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task County_regulator_sees_the_hierarchy_in_Chinese_and_switches_to_English()
    {
        await using var host = await RunningHost.StartAsync();
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await OpenAsync(page, host, host.Token("regulator", "county:530922"));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("#hierarchy-heading")).ToHaveTextAsync("基金层级");
        await Expect(Row(page, "county", "530922")).ToContainTextAsync("云县");
        await Expect(Row(page, "alliance", "YX-TIGHT")).ToContainTextAsync("云县县域紧密型医共体");
        await Expect(Row(page, "hospital", PeopleHospital)).ToContainTextAsync("云县人民医院");
        await Expect(page.Locator("#who-role")).ToHaveTextAsync("监管人员");
        await Expect(page.Locator("#who-scope")).ToContainTextAsync("云县");
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("云县");
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        await SaveScreenshotAsync(page, "county-regulator-zh.png");

        await page.ClickAsync("#lang-en");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#hierarchy-heading")).ToHaveTextAsync("Fund hierarchy");
        await Expect(page.Locator("#who-role")).ToHaveTextAsync("Regulator");
        await Expect(Row(page, "county", "530922")).ToContainTextAsync("County fund");
        await Expect(Row(page, "hospital", PeopleHospital)).ToContainTextAsync("云县人民医院");
        await SaveScreenshotAsync(page, "county-regulator-en.png");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Selected_hospital_shows_its_readmission_rate_in_Chinese_and_English()
    {
        await using var host = await RunningHost.StartAsync();
        var firstDischarge = new DateOnly(2026, 3, 10);
        var secondDischarge = firstDischarge.AddDays(8); // TestClaims admits 5 days before discharge: readmitted 3 days later.
        await PostAsync(host, [
            TestClaims.Settlement("readmit-1", PeopleHospital, new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.FromHours(8)), firstDischarge, 4_000m, 6_000m, "P-readmit"),
            TestClaims.Settlement("readmit-2", PeopleHospital, new DateTimeOffset(2026, 3, 19, 10, 0, 0, TimeSpan.FromHours(8)), secondDischarge, 4_200m, 6_300m, "P-readmit"),
        ]);
        await WaitForStoredAlertAsync(host, PeopleHospital);
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await OpenAsync(page, host, host.Token("regulator", "county:530922"));

        await Row(page, "hospital", PeopleHospital).ClickAsync();

        var block = page.Locator("#readmission");
        await Expect(block).ToContainTextAsync("15日再入院率");
        await Expect(block).ToContainTextAsync("近90天 15日内再入院率");
        await Expect(block).ToContainTextAsync("疑似分解住院 1 例 / 出院 2 例");
        await Expect(block).ToContainTextAsync("同级机构中位数");
        await Expect(block.Locator("[data-figure='rate'] .kpi-value")).ToHaveTextAsync("50.00%");
        await SaveScreenshotAsync(page, "readmission-zh.png");

        await page.ClickAsync("#lang-en");

        await Expect(block).ToContainTextAsync("15-day readmission rate");
        await Expect(block).ToContainTextAsync("Suspected split stays 1 / discharges 2");
        await Expect(block).ToContainTextAsync("Same-level peer median");
        await SaveScreenshotAsync(page, "readmission-en.png");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Alerted_hospital_readmission_rate_is_highlighted()
    {
        await using var host = await RunningHost.StartAsync();
        var page = await browser.NewPageAsync();
        // The alarm needs a region's worth of peers and discharges; the page only has to show the server's verdict.
        await page.RouteAsync($"**/api/readmission/hospital/{PeopleHospital}", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = $$"""{"hospitalId":"{{PeopleHospital}}","asOf":"2026-03-19","windowDays":90,"discharges":412,"suspectPairs":37,"rate":0.0898,"peerMedian":0.031,"peers":4,"threshold":0.062,"alerted":true}""",
        }));
        await OpenAsync(page, host, host.Token("regulator", "county:530922"));

        await Row(page, "hospital", PeopleHospital).ClickAsync();

        var block = page.Locator("#readmission");
        await Expect(block).ToHaveAttributeAsync("data-alerted", "true");
        await Expect(block).ToContainTextAsync("疑似分解住院 37 例 / 出院 412 例");
        await Expect(block.Locator("[data-figure='peerMedian'] .kpi-value")).ToHaveTextAsync("3.10%");
        await Expect(block.Locator(".readmission-state.alerted")).ToContainTextAsync("明显高于同级机构，已预警（预警线 6.20%）");
        await SaveScreenshotAsync(page, "readmission-alerted.png");
    }

    [Fact]
    public async Task Claims_that_push_a_hospital_over_budget_pace_bring_a_new_alert_and_move_its_gauge()
    {
        await using var host = await RunningHost.StartAsync();
        var page = await browser.NewPageAsync();
        await OpenAsync(page, host, host.Token("regulator", "county:530922"));
        var gauge = Row(page, "hospital", PeopleHospital).Locator(".gauge");
        await Expect(gauge).ToHaveAttributeAsync("data-used-share", "0.0000");
        await Expect(page.Locator("#alert-list .alert-item")).ToHaveCountAsync(0);
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");

        await PostAsync(host, OverPaceClaims(PeopleHospital, PeopleHospitalBudget, "pace"));

        var alert = page.Locator($"#alert-list .alert-item[data-kind='budget-pace'][data-subject-id='{PeopleHospital}']");
        await Expect(alert.First).ToBeVisibleAsync(new() { Timeout = (float)AlertWait.TotalMilliseconds });
        await WaitForGaugeAboveAsync(page, "hospital", PeopleHospital, 0.6);
        await WaitForGaugeAboveAsync(page, "county", "530922", 0.25); // the county's 420M budget carries the same spend
        await SaveScreenshotAsync(page, "budget-pace-alert.png");
    }

    [Fact]
    public async Task Clicking_an_alert_opens_its_figures_claims_and_bilingual_message()
    {
        await using var host = await RunningHost.StartAsync();
        var page = await browser.NewPageAsync();
        await OpenAsync(page, host, host.Token("regulator", "county:530922"));
        await PostAsync(host, OverPaceClaims(PeopleHospital, PeopleHospitalBudget, "evidence"));
        var alert = page.Locator($"#alert-list .alert-item[data-kind='budget-pace'][data-subject-id='{PeopleHospital}']").First;
        await Expect(alert).ToBeVisibleAsync(new() { Timeout = (float)AlertWait.TotalMilliseconds });
        var alertId = await alert.GetAttributeAsync("data-alert-id");
        var document = await AlertAsync(host, alertId!);

        await alert.ClickAsync();

        var dialog = page.Locator("#evidence");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToHaveAttributeAsync("data-alert-id", alertId!);
        await Expect(dialog.Locator(".message-zh")).ToHaveTextAsync(document.Message.Zh);
        await Expect(dialog.Locator(".message-en")).ToHaveTextAsync(document.Message.En);
        Assert.True(await dialog.Locator(".evidence-figures tr").CountAsync() > 0, "the evidence figures are listed");
        Assert.Equal(Math.Min(document.ClaimIds.Count, 200), await dialog.Locator(".claim-ids li").CountAsync());
        await SaveScreenshotAsync(page, "alert-evidence.png");
    }

    [Fact]
    public async Task Hospital_page_never_shows_another_hospital_even_after_its_alerts_are_pushed()
    {
        await using var host = await RunningHost.StartAsync();
        var page = await browser.NewPageAsync();
        await OpenAsync(page, host, host.Token("hospital", $"hospital:{PeopleHospital}"));
        await Expect(Row(page, "hospital", PeopleHospital)).ToContainTextAsync("云县人民医院");
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");

        // The other hospital goes over pace in the same batch as this one: once this hospital's own alert is on the
        // page and the other's is in the store, the hub has had the other's to push.
        await PostAsync(host,
        [
            .. OverPaceClaims(ChineseMedicineHospital, ChineseMedicineHospitalBudget, "other"),
            .. OverPaceClaims(PeopleHospital, PeopleHospitalBudget, "own"),
        ]);
        var own = page.Locator($"#alert-list .alert-item[data-subject-id='{PeopleHospital}']").First;
        await Expect(own).ToBeVisibleAsync(new() { Timeout = (float)AlertWait.TotalMilliseconds });
        await WaitForStoredAlertAsync(host, ChineseMedicineHospital);
        await SaveScreenshotAsync(page, "hospital-scope.png");
        await own.ClickAsync();
        await Expect(page.Locator("#evidence")).ToBeVisibleAsync();

        var html = await page.ContentAsync();
        foreach (var other in TestClaims.ExampleHospitals.Where(id => id != PeopleHospital))
        {
            Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        }

        foreach (var name in (string[])["云县中医医院", "云县妇幼保健计划生育服务中心", "茶房中心卫生院", "云县凯达医院", "云县仁爱医院"])
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pasted_token_signs_in_survives_a_reload_and_signs_out()
    {
        await using var host = await RunningHost.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.Address.ToString());
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "sign-in.png");

        await page.FillAsync("#token-input", host.Token("inspector", "county:530922"));
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#who-role")).ToHaveTextAsync("稽核人员");
        await page.ReloadAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#who-scope")).ToContainTextAsync("云县");

        await page.ClickAsync("#sign-out");

        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('monitoring.token')"));
    }

    private static async Task OpenAsync(IPage page, RunningHost host, string token)
    {
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(token)}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
    }

    private static Task WaitForGaugeAboveAsync(IPage page, string level, string id, double share) =>
        page.WaitForFunctionAsync(
            "([level, id, share]) => Number(document.querySelector(`#hierarchy .entity[data-level='${level}'][data-id='${id}'] .gauge`)?.dataset.usedShare) > share",
            new object[] { level, id, share });

    private static ILocator Row(IPage page, string level, string id) =>
        page.Locator($"#hierarchy .entity[data-level='{level}'][data-id='{id}']");

    /// <summary>
    /// Claims for one hospital settled through March 2026 worth 65% of its annual budget (the time share at the end of
    /// March is near 25%), then two settled on 2 April: pace is judged per completed settlement day, and April's
    /// claims complete 31 March. Each claim has its own patient, so no readmission finding mixes in.
    /// </summary>
    private static List<string> OverPaceClaims(string hospitalId, decimal annualBudget, string prefix)
    {
        const decimal fundPaid = 95_000m;
        const decimal totalCost = 120_000m;
        var count = (int)Math.Ceiling(annualBudget * 0.65m / fundPaid);
        var march = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var minutesApart = (31 * 24 * 60 - 8 * 60) / count;
        var claims = new List<string>(count + 2);
        for (var i = 0; i < count; i++)
        {
            var settled = march.AddMinutes(i * minutesApart);
            var discharge = DateOnly.FromDateTime(settled.DateTime).AddDays(-1);
            claims.Add(TestClaims.Settlement($"{prefix}-{i:D5}", hospitalId, settled, discharge, fundPaid, totalCost, $"P-{prefix}-{i:D5}"));
        }

        var april = new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < 2; i++)
        {
            claims.Add(TestClaims.Settlement($"{prefix}-late-{i}", hospitalId, april.AddMinutes(i), new DateOnly(2026, 4, 1), 8_000m, 10_000m, $"P-{prefix}-late-{i}"));
        }

        return claims;
    }

    private static async Task PostAsync(RunningHost host, IReadOnlyList<string> claims)
    {
        using var ingest = host.Ingest();
        using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        response.EnsureSuccessStatusCode();
        var reply = await response.Content.ReadFromJsonAsync<IngestReplyView>();
        Assert.Equal((claims.Count, 0), (reply!.Accepted, reply.Rejected.Count));
    }

    private static async Task<AlertView> AlertAsync(RunningHost host, string alertId)
    {
        using var admin = host.Admin();
        var alerts = await admin.GetFromJsonAsync<List<AlertView>>("/api/alerts?limit=1000");
        return alerts!.Single(a => a.AlertId == alertId);
    }

    private static async Task WaitForStoredAlertAsync(RunningHost host, string hospitalId)
    {
        using var admin = host.Admin();
        var deadline = DateTime.UtcNow + AlertWait;
        while (true)
        {
            var alerts = await admin.GetFromJsonAsync<List<AlertView>>($"/api/alerts?hospitalId={hospitalId}&limit=10");
            if (alerts is { Count: > 0 })
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no alert for {hospitalId} was stored within {AlertWait}");
            await Task.Delay(100);
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    private sealed record AlertView(string AlertId, string Kind, string? HospitalId, MessageView Message, IReadOnlyList<string> ClaimIds);

    private sealed record MessageView(string Zh, string En);
}
