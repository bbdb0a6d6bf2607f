using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The rule library (#rules) in a real browser against the real host and the example registry's 云县: a prefecture
/// regulator drafts split hospitalization with a 7-day window for the county (an out-of-bounds window refused beside
/// its field first), backtests the draft over seeded pairs, reads the same totals the API holds, and publishes it; a
/// hospital reads the published versions and never a draft. Screenshots go to the temp folder (rules-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RulesPageTests(BrowserFixture browser)
{
    private const string County = "530922";
    private const string Split = "split-hospitalization";

    /// <summary>What a regulator must never read on the page: codes, field names, objects.</summary>
    private static readonly string[] RawCodes =
    [
        "[object Object]", "undefined", "NaN", "rules.", "windowDays", "criticalMaxDays", "warningMaxDays", "region:", "county:",
        "split-hospitalization/", "seeded from the start-up options", "superseded by version",
    ];

    /// <summary>
    /// Pairs readmitted 3, 10 and 12 days after discharge (and one of 9 at a second hospital, one of 2): under the
    /// 15-day window all are found, under 7 days only the 2- and 3-day ones.
    /// </summary>
    private static List<string> Pairs()
    {
        (string Hospital, int Day, int Interval)[] pairs =
            [("H53092200001", 40, 3), ("H53092200001", 60, 10), ("H53092200001", 80, 12), ("H53092200101", 50, 9), ("H53092200101", 90, 2)];
        var claims = new List<string>();
        foreach (var (hospital, day, interval) in pairs)
        {
            var prefix = $"rules-{hospital[^3..]}-{day}";
            var firstDischarge = new DateOnly(2026, 1, 1).AddDays(day - 1);
            // TestClaims admits five days before discharge: the second stay is admitted `interval` days after the first discharge.
            var secondDischarge = firstDischarge.AddDays(interval + 5);
            claims.Add(TestClaims.Settlement($"{prefix}-1", hospital, TestSplitPairs.At(firstDischarge.AddDays(1)), firstDischarge, 3_800m, 5_700m, $"P-{prefix}"));
            claims.Add(TestClaims.Settlement($"{prefix}-2", hospital, TestSplitPairs.At(secondDischarge.AddDays(1)), secondDischarge, 4_100m, 6_150m, $"P-{prefix}"));
        }

        return claims;
    }

    private static async Task<RunningHost> HostWithPairsAsync()
    {
        var host = await RunningHost.StartAsync();
        var claims = Pairs();
        using var ingest = host.Ingest();
        using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        reply.EnsureSuccessStatusCode();
        // The backtest replays the ledger: wait until every claim is in it.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await host.FundAsync("county", County)).ClaimsCounted < claims.Count)
        {
            await Task.Delay(100, deadline.Token);
        }

        return host;
    }

    /// <summary>Runs the open backtest form over a period until it is done, and reads what the page shows from the API.</summary>
    private static async Task<JsonElement> RunBacktestAsync(ILocator backtest, string from, string to, HttpClient regulator)
    {
        await backtest.Locator("#rules-bt-from").FillAsync(from);
        await backtest.Locator("#rules-bt-to").FillAsync(to);
        await backtest.Locator("#rules-bt-start").ClickAsync();
        await Expect(backtest).ToHaveAttributeAsync("data-status", new Regex("^(done|failed|refused)$"), new() { Timeout = 120_000 });
        Assert.True(await backtest.GetAttributeAsync("data-status") == "done", await backtest.InnerTextAsync());
        var id = await backtest.Locator("#rules-bt-results").GetAttributeAsync("data-backtest");
        return await regulator.GetFromJsonAsync<JsonElement>($"/api/backtests/{id}");
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(RunningHost host, string role, string scope, string rule = Split)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // The console also reports the refusals the test provokes (a 400 draft): it only explains a page that never started.
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                console.Add(message.Text);
            }
        };
        // The chart and forms run under the page's Content-Security-Policy: any refusal is recorded and asserted on.
        await page.Context.AddInitScriptAsync(
            "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));");
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token(role, scope))}#rules/{rule}");
        try
        {
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        }
        catch (PlaywrightException) when (errors.Count + console.Count > 0)
        {
            throw new InvalidOperationException($"the page did not start: {string.Join("; ", errors.Concat(console))}");
        }

        await Expect(page.Locator("#rules-view")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Locator("#rule-detail")).ToHaveAttributeAsync("data-rule", rule);
        return (page, errors);
    }

    /// <summary>What the reader sees must be words and fit the window: no raw code, no [object Object], no sideways scroll.</summary>
    private static async Task AssertReadableAsync(IPage page, string where)
    {
        var text = await page.Locator("#rules-view").InnerTextAsync();
        foreach (var code in RawCodes)
        {
            var at = text.IndexOf(code, StringComparison.Ordinal);
            Assert.True(at < 0, $"{where}: the page shows the raw \"{code}\" in \"{(at < 0 ? "" : text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 40)])}\"");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var widest = overflow <= 1 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('#rules-view *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
        Assert.True(overflow <= 1, $"{where}: the page is {overflow} px wider than the window ({widest})");
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"rules-{name}.png"), FullPage = true });

    [Fact]
    public async Task Regulator_drafts_backtests_and_publishes_a_shorter_split_window_and_a_hospital_never_sees_the_draft()
    {
        await using var host = await HostWithPairsAsync();
        var (page, errors) = await OpenAsync(host, "regulator", "region:530900");
        var view = page.Locator("#rules-view");
        await Expect(page.Locator("#view-tabs a[data-view='rules']")).ToHaveTextAsync("规则库");
        await Expect(view.Locator("#rule-name")).ToHaveTextAsync("分解住院");
        await Expect(view.Locator("#rule-parameters tbody tr")).ToHaveCountAsync(3);
        await Expect(view.Locator("#rule-parameters tr[data-parameter='windowDays'] th")).ToContainTextAsync("再入院时间窗");
        await Expect(view.Locator("#rule-versions tbody tr[data-version='1'] .rules-status")).ToHaveTextAsync("已发布");
        await AssertReadableAsync(page, "library zh");
        await ScreenshotAsync(page, "library-zh");

        // The history of the seeded version: who made it and why, in words.
        await view.Locator("#rule-versions tr[data-version='1'] .rules-history-toggle").ClickAsync();
        await Expect(view.Locator("#rule-versions tr[data-history-of='1'] .rules-action").First).ToHaveTextAsync("初始化");

        // A window of 0 days is refused, beside its field and in Chinese; 7 days is drafted for the county.
        var draft = view.Locator("#rule-draft");
        await draft.Locator("#rule-draft-scope").SelectOptionAsync($"county:{County}");
        await draft.Locator("#rule-draft-effective").FillAsync("2026-01-01");
        await draft.Locator("#rule-draft-windowDays").FillAsync("0");
        await draft.Locator("#rule-draft-reason").FillAsync("县内再入院间隔普遍较短，收紧判定窗口");
        await draft.Locator("#rule-draft-submit").ClickAsync();
        var windowError = draft.Locator("[data-error-for='parameters.windowDays']");
        await Expect(windowError).ToContainTextAsync("须在 1 天 至");
        await Expect(windowError).ToContainTextAsync("现为 0 天");
        await ScreenshotAsync(page, "draft-error-zh");
        await draft.Locator("#rule-draft-windowDays").FillAsync("7");
        await draft.Locator("#rule-draft-submit").ClickAsync();
        await Expect(view.Locator(".rules-notice")).ToContainTextAsync("已保存为草稿");
        var draftRow = view.Locator("#rule-versions tbody tr[data-status='draft']");
        await Expect(draftRow).ToHaveCountAsync(1);
        var version = int.Parse(await draftRow.GetAttributeAsync("data-version") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(draftRow.Locator(".rules-values")).ToContainTextAsync("再入院时间窗 7 天");
        await Expect(draftRow).ToContainTextAsync("县 · 云县");

        // The draft's history shows what it changed from the version in force.
        await draftRow.Locator(".rules-history-toggle").ClickAsync();
        var diff = view.Locator($"#rule-versions tr[data-history-of='{version}'] .rules-diff li[data-parameter='windowDays']");
        await Expect(diff.Locator(".rules-diff-to")).ToHaveTextAsync("7 天");
        await AssertReadableAsync(page, "drafted zh");

        // A hospital reads the published library, never the draft, and has no editor.
        var (hospital, hospitalErrors) = await OpenAsync(host, "hospital", "hospital:H53092200001");
        await Expect(hospital.Locator("#rule-versions tbody tr[data-version='1']")).ToHaveCountAsync(1);
        await Expect(hospital.Locator($"#rule-versions tbody tr[data-version='{version}']")).ToHaveCountAsync(0);
        await Expect(hospital.Locator("#rules-view [data-status='draft']")).ToHaveCountAsync(0);
        await Expect(hospital.Locator("#rule-draft")).ToHaveCountAsync(0);
        Assert.DoesNotContain("草稿", await hospital.Locator("#rules-view").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(hospital, "hospital-zh");
        Assert.Empty(hospitalErrors);
        await hospital.Context.CloseAsync();

        // The backtest over the seeded months: the page shows the figures the API holds.
        await draftRow.Locator(".rules-backtest-open").ClickAsync();
        var backtest = view.Locator("#rules-backtest");
        using var regulator = host.Client(host.Token("regulator", "region:530900"));
        var doc = await RunBacktestAsync(backtest, "2026-01-01", "2026-06-30", regulator);
        var total = doc.GetProperty("total");
        foreach (var change in new[] { "added", "removed", "unchanged" })
        {
            await Expect(backtest.Locator($".rules-bt-totals .kpi[data-figure='{change}'] .kpi-value"))
                .ToHaveTextAsync(total.GetProperty(change).GetInt32().ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(total.GetProperty("removed").GetInt32() > 0, $"a 7-day window removes the 9-, 10- and 12-day pairs: {total}");
        await Expect(backtest.Locator(".rules-bt-totals .kpi[data-figure='removed'] .kpi-label")).ToHaveTextAsync("消失");
        await Expect(backtest.Locator("#rules-bt-chart svg")).ToHaveCountAsync(1);
        await Expect(backtest.Locator("#rules-bt-by-county tbody tr")).ToHaveCountAsync(doc.GetProperty("byCounty").GetArrayLength());
        await Expect(backtest.Locator("#rules-bt-by-hospital tbody tr")).ToHaveCountAsync(doc.GetProperty("byHospital").GetArrayLength());

        // One click on a hospital shows its examples.
        var first = doc.GetProperty("byHospital")[0].GetProperty("key").GetString()!;
        await backtest.Locator($"#rules-bt-by-hospital tr[data-key='{first}'] .rules-bt-hospital").ClickAsync();
        var examples = backtest.Locator("#rules-bt-examples tbody tr");
        await Expect(examples).ToHaveCountAsync(doc.GetProperty("examples").EnumerateArray().Count(e => e.GetProperty("hospitalId").GetString() == first));
        await AssertReadableAsync(page, "backtest zh");
        await ScreenshotAsync(page, "backtest-zh");
        await backtest.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rules-backtest-panel-zh.png") });
        await view.Locator("#rule-versions").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rules-versions-zh.png") });

        // Published: the library is read again and the version says so.
        await draftRow.Locator(".rules-publish-open").ClickAsync();
        await view.Locator("#rule-publish-reason").FillAsync("回溯测试结果符合预期");
        await view.Locator("#rule-publish-submit").ClickAsync();
        var published = view.Locator($"#rule-versions tbody tr[data-version='{version}']");
        await Expect(published).ToHaveAttributeAsync("data-status", "published");
        await Expect(published.Locator(".rules-status")).ToHaveTextAsync("已发布");
        await Expect(view.Locator(".rules-notice")).ToContainTextAsync($"第 {version} 版已发布");
        await Expect(view.Locator("#rule-versions tbody tr[data-status='draft']")).ToHaveCountAsync(0);
        await AssertReadableAsync(page, "published zh");
        await ScreenshotAsync(page, "published-zh");

        await page.ClickAsync("#lang-en");
        await Expect(view.Locator("#rules-heading")).ToHaveTextAsync("Rule library");
        await Expect(published.Locator(".rules-status")).ToHaveTextAsync("Published");
        await AssertReadableAsync(page, "published en");
        await ScreenshotAsync(page, "published-en");
        await backtest.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rules-backtest-panel-en.png") });
        await page.SetViewportSizeAsync(390, 844);
        await AssertReadableAsync(page, "published en 390");
        await ScreenshotAsync(page, "published-en-390");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__violations"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Budget_pace_backtest_lists_its_examples_by_fund_account_and_the_days_shares()
    {
        await using var host = await RunningHost.StartAsync();
        // A township centre spending far ahead of its budget from 2 January: budget-pace alerts within days.
        var claims = Enumerable.Range(0, 8).SelectMany(day => Enumerable.Range(0, 4).Select(i =>
        {
            var settled = new DateTimeOffset(2026, 1, 2 + day, 10, i, 0, TimeSpan.FromHours(8));
            return TestClaims.Settlement($"rules-pace-{day}-{i}", "H53092200101", settled, DateOnly.FromDateTime(settled.Date).AddDays(-1), 45_000m, 60_000m, $"P-rpace{day}{i}");
        })).ToList();
        using (var ingest = host.Ingest())
        {
            (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)))).EnsureSuccessStatusCode();
        }

        using var regulator = host.Client(host.Token("regulator", "region:530900"));
        using var drafted = await regulator.PostAsJsonAsync("/api/rules/budget-pace/drafts", new
        {
            scope = $"county:{County}", effectiveFrom = "2026-01-01", parameters = new Dictionary<string, decimal> { ["noticeGapPoints"] = 3 }, reason = "提前提示",
        });
        drafted.EnsureSuccessStatusCode();
        var version = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var (page, errors) = await OpenAsync(host, "regulator", "region:530900", "budget-pace");
        var view = page.Locator("#rules-view");
        await view.Locator($"#rule-versions tbody tr[data-version='{version}'] .rules-backtest-open").ClickAsync();
        var backtest = view.Locator("#rules-backtest");
        var doc = await RunBacktestAsync(backtest, "2026-01-01", "2026-01-08", regulator);
        var examples = doc.GetProperty("examples").EnumerateArray().ToArray();
        Assert.NotEmpty(examples);

        await backtest.Locator("#rules-bt-examples-toggle").ClickAsync();
        var rows = backtest.Locator("#rules-bt-examples tbody tr");
        await Expect(rows).ToHaveCountAsync(examples.Length);
        await Expect(rows.First).ToContainTextAsync(examples[0].GetProperty("accountName").GetString()!);
        await Expect(rows.First).ToContainTextAsync("个百分点");
        await Expect(backtest.Locator("#rules-bt-examples thead")).ToContainTextAsync("支出进度");
        await AssertReadableAsync(page, "budget backtest zh");
        await ScreenshotAsync(page, "budget-backtest-zh");
        await page.SetViewportSizeAsync(390, 844);
        await AssertReadableAsync(page, "budget backtest zh 390");
        await ScreenshotAsync(page, "budget-backtest-zh-390");
        Assert.Empty(errors);
    }
}
