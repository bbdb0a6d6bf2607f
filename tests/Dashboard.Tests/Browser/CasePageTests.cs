using System.Globalization;
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
/// One inspection case worked end to end in the real browser against the real host: a planted split hospitalization
/// opens it; a county inspector takes it and asks the hospital; the hospital answers; the inspector confirms a
/// recovery; the regulator's counts and the hospital's fund show it; the hospital appeals; a region inspector decides.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CasePageTests(BrowserFixture browser)
{
    private const string Hospital = "H53092200001";
    private const decimal Recovery = 4_200.00m;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_planted_split_is_worked_from_queue_to_appeal_in_the_browser()
    {
        await using var host = await RunningHost.StartAsync();
        var (first, second) = TestSplitPairs.Pair("browser-case", Hospital, day: 70, firstPaid: 3_950.20m, secondPaid: 4_200.00m);
        var (otherFirst, otherSecond) = TestSplitPairs.Pair("browser-other", "H53092200201", day: 72, firstPaid: 820.00m, secondPaid: 760.50m);
        await PostAsync(host, [first, second, otherFirst, otherSecond]);
        var caseId = await CaseOfAsync(host, "browser-case-2");
        await CaseOfAsync(host, "browser-other-2");
        var fundBefore = await FundPaidAsync(host);
        var scriptErrors = new List<string>();

        // The county inspector's page opens on the queue ranked by risk: both pairs warn alike, so the larger amount first.
        var inspector = await OpenAsync(host, Token(host, "inspector", "county:530922", "insp-a"), scriptErrors);
        var row = inspector.Locator($"#cases-view tr[data-case-id='{caseId}']");
        await Expect(row).ToContainTextAsync("待受理");
        // A row is named by the case (what and how many, over which days), not by its first pair's sentence.
        await Expect(row.Locator("a.case-link")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2} 疑似分解住院 1 对（\d{2}-\d{2}）$"));
        await Expect(inspector.Locator("#cases-view .case-queue tbody tr").First).ToHaveAttributeAsync("data-case-id", caseId);
        await Expect(inspector.Locator("#cases-view .cases-summary")).ToContainTextAsync("在办案件");
        await SaveScreenshotAsync(inspector, "cases-queue-zh.png");

        await row.Locator("a.case-link").ClickAsync();
        var sheet = inspector.Locator($"#cases-view .case-sheet[data-case-id='{caseId}']");
        await Expect(sheet.Locator(".stay-timeline .stay-row")).ToHaveCountAsync(2);
        await Expect(sheet.Locator(".stay-gap-text")).ToContainTextAsync("间隔 3 天");
        await Expect(sheet.Locator(".claims-side-by-side")).ToContainTextAsync("browser-case-1");
        await Expect(sheet.Locator(".claims-side-by-side")).ToContainTextAsync("browser-case-2");
        await ActAsync(inspector, "take");
        await Expect(inspector.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "assigned");
        await ActAsync(inspector, "note", note: "内部：与病区排班表核对");
        await ActAsync(inspector, "ask-hospital", note: "请说明患者出院 3 天后再次入院的原因。");
        await Expect(inspector.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "awaiting-hospital");

        // Back in the queue, "mine" lists the case the inspector now owns and nothing else.
        await inspector.ClickAsync(".case-toolbar button");
        await inspector.SelectOptionAsync("#cases-view select[name='owner']", "insp-a");
        await Expect(inspector.Locator("#cases-view .case-queue tbody tr")).ToHaveCountAsync(1);
        await Expect(inspector.Locator($"#cases-view tr[data-case-id='{caseId}']")).ToContainTextAsync("待医院说明");
        await inspector.Locator($"#cases-view tr[data-case-id='{caseId}'] a.case-link").ClickAsync();

        // The hospital sees its case with the question and the answer form, and nothing internal.
        var hospital = await OpenAsync(host, Token(host, "hospital", $"hospital:{Hospital}", "hospital-1"), scriptErrors, $"#case/{caseId}");
        var ownSheet = hospital.Locator($"#cases-view .case-sheet[data-case-id='{caseId}']");
        await Expect(ownSheet).ToContainTextAsync("请说明患者出院 3 天后再次入院的原因。");
        await Expect(ownSheet).Not.ToContainTextAsync("病区排班表");
        await Expect(ownSheet).Not.ToContainTextAsync("insp-a");
        await ActAsync(hospital, "answer", note: "患者家属要求出院，已签字。", documents: "出院记录-0317.pdf");
        await Expect(hospital.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "under-review");

        // The inspector's open case follows the hub; then the decision, with the amount to recover.
        await Expect(inspector.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "under-review");
        await ActAsync(inspector, "confirm", note: "病历不支持第二次住院", amount: Recovery);
        await Expect(inspector.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(inspector.Locator(".case-sheet [data-figure='recovered'] .kpi-value")).ToHaveTextAsync("4,200.00 元");
        await SaveScreenshotAsync(inspector, "case-page-zh.png");

        // The county regulator's counts show what was recovered this year, by county.
        var regulator = await OpenAsync(host, Token(host, "regulator", "county:530922", "reg-a"), scriptErrors, "#cases");
        await Expect(regulator.Locator(".cases-summary [data-figure='recoveredThisYear'] .kpi-value")).ToHaveTextAsync("4,200.00 元");
        await Expect(regulator.Locator(".cases-by-county")).ToContainTextAsync("云县");
        await SaveScreenshotAsync(regulator, "cases-regulator-zh.png");

        // The hospital's own fund snapshot shows the recovery, to the fen.
        Assert.Equal(fundBefore - Recovery, await FundPaidOnceAsync(host, fundBefore - Recovery));
        await hospital.GotoAsync($"{host.Address}#board");
        await Expect(hospital.Locator($"#detail .kpi[title='{Exact(fundBefore - Recovery)}']")).ToContainTextAsync("统筹基金已支付");

        await hospital.GotoAsync($"{host.Address}#case/{caseId}");
        await ActAsync(hospital, "appeal", note: "家属签字的出院申请书附后。", documents: "申请书.pdf");
        await Expect(hospital.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "appealed");

        // The county inspector may not decide the appeal; a region inspector does.
        await inspector.ReloadAsync();
        await Expect(inspector.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "appealed");
        await Expect(inspector.Locator(".case-action-buttons button[data-action='decide-appeal']")).ToHaveCountAsync(0);
        var region = await OpenAsync(host, Token(host, "inspector", "region:530900", "insp-r"), scriptErrors, $"#case/{caseId}");
        await ActAsync(region, "decide-appeal", note: "申请书有家属签字和日期，原认定撤销。", outcome: "overturn");
        await Expect(region.Locator(".case-sheet")).ToHaveAttributeAsync("data-status", "dismissed");
        await Expect(region.Locator(".case-history tbody tr")).ToHaveCountAsync(8);
        Assert.Equal(fundBefore, await FundPaidOnceAsync(host, fundBefore));

        // The printed case sheet: the case alone, without the page around it or the controls.
        await region.EvaluateAsync("() => { document.body.dataset.print = 'case'; }");
        await region.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(region.Locator("header.topbar")).ToBeHiddenAsync();
        await Expect(region.Locator(".case-toolbar")).ToBeHiddenAsync();
        await Expect(region.Locator(".case-sheet .case-history")).ToBeVisibleAsync();
        await SaveScreenshotAsync(region, "case-sheet-print.png");
        await region.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await region.EvaluateAsync("() => { delete document.body.dataset.print; }");

        await region.ClickAsync("#lang-en");
        await Expect(region.Locator(".case-sheet .case-status")).ToHaveTextAsync("Dismissed");
        await SaveScreenshotAsync(region, "case-page-en.png");
        Assert.Empty(scriptErrors);
    }

    private static string Exact(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    private static string Token(RunningHost host, string role, string scope, string subject) =>
        host.Services.GetRequiredService<TokenIssuer>().Mint(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error), subject: subject);

    private async Task<IPage> OpenAsync(RunningHost host, string token, List<string> scriptErrors, string hash = "")
    {
        var page = await browser.NewPageAsync();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(token)}{hash}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#cases-view")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Chooses a move among those the page offers, fills what it asks for, and submits it.</summary>
    private static async Task ActAsync(IPage page, string action, string? note = null, decimal? amount = null, string? documents = null, string? outcome = null)
    {
        var form = page.Locator(".case-actions");
        await form.Locator($"button[data-action='{action}']").ClickAsync();
        if (note is not null)
        {
            await form.Locator("textarea[name='note']").FillAsync(note);
        }

        if (amount is { } value)
        {
            await form.Locator("input[name='amount']").FillAsync(value.ToString(CultureInfo.InvariantCulture));
        }

        if (documents is not null)
        {
            await form.Locator("input[name='documents']").FillAsync(documents);
        }

        if (outcome is not null)
        {
            await form.Locator("select[name='outcome']").SelectOptionAsync(outcome);
        }

        await form.Locator($"button[data-submit='{action}']").ClickAsync();
        await Expect(page.Locator(".case-sheet .case-history tbody tr").Last).ToHaveAttributeAsync("data-action", action);
    }

    private static async Task PostAsync(RunningHost host, IReadOnlyList<string> claims)
    {
        using var ingest = host.Ingest();
        using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        response.EnsureSuccessStatusCode();
        Assert.Equal(claims.Count, (await response.Content.ReadFromJsonAsync<IngestReplyView>())!.Accepted);
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

    private static async Task<decimal> FundPaidAsync(RunningHost host) => (await host.FundAsync("hospital", Hospital)).FundPaid;

    private static async Task<decimal> FundPaidOnceAsync(RunningHost host, decimal expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        var paid = await FundPaidAsync(host);
        while (paid != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            paid = await FundPaidAsync(host);
        }

        return paid;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
