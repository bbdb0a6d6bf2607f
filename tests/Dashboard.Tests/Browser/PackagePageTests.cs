using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The alliance package page (#package) in a real browser against the real host and the example registry's 云县 (its
/// tight alliance YX-TIGHT paid 750 yuan a head for 400,000 insured, H53092200001 its lead): a county regulator reads who
/// pays for whom, the twelve pre-settlements, the reserve, the indicators and the final settlement, and takes the county
/// review on the page; the prefecture decides and the final settlement moves; a hospital sees its own statement, its
/// lead the alliance's without the officials' notes — in Chinese and English, at 1600 and 390 px, screenshots under
/// screenshots/package to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PackagePageTests(BrowserFixture browser)
{
    private const string Lead = "H53092200001";
    private const string Member = "H53092200002";
    private const string Unallied = "H53092200201";
    private const string InternalNote = "内部意见：基层就诊占比偏低";

    /// <summary>The API's codes: the page must show their words, never these.</summary>
    private static readonly string[] RawCodes =
    [
        "after-the-fact", "within-package", "admission-rate", "in-county-rate", "out-of-county-rate", "primary-share", "cost-growth",
        "drg-grouping-rate", "drg-fund-share", "self-assessment", "county-review", "prefecture-decision", "self-assessed", "no-data",
        "[object Object]", "undefined", "NaN", "pkg.",
    ];

    /// <summary>January to March: the alliance's members, an unallied hospital, and some patients insured elsewhere (异地).</summary>
    private static List<string> ThreeMonths()
    {
        var claims = new List<string>();
        string[] hospitals = [Lead, Member, "H53092200101", Unallied];
        for (var i = 0; i < 60; i++)
        {
            var settled = new DateTimeOffset(2026, 1, 4, 10, 0, 0, TimeSpan.FromHours(8)).AddHours(i * 34);
            var discharge = DateOnly.FromDateTime(settled.Date).AddDays(-1);
            var paid = 2_400m + (i % 9) * 731.15m;
            var claim = TestClaims.Settlement($"pkg-{i:D3}", hospitals[i % 4], settled, discharge, paid, decimal.Round(paid / 0.7m, 2), $"P-{i % 50:D3}");
            claims.Add(i % 10 == 7 ? claim.Replace("\"kind\":\"settlement\"", "\"kind\":\"settlement\",\"insuredCountyId\":\"110101\"", StringComparison.Ordinal) : claim);
        }

        return claims;
    }

    private static async Task<RunningHost> HostWithClaimsAsync()
    {
        var host = await RunningHost.StartAsync();
        using var ingest = host.Ingest();
        using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(ThreeMonths())));
        reply.EnsureSuccessStatusCode();
        return host;
    }

    private static async Task StepAsync(RunningHost host, string role, string scope, string body)
    {
        using var client = host.Client(host.Token(role, scope));
        using var reply = await client.PostAsync("/api/assessment/alliance/YX-TIGHT/steps", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(RunningHost host, string role, string scope, string hash)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(host.Token(role, scope))}#{hash}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#package-view")).ToHaveAttributeAsync("data-state", "ready");
        return (page, errors);
    }

    /// <summary>What the reader sees must be words and fit the window: no raw code, no [object Object], no sideways scroll.</summary>
    private static async Task AssertReadableAsync(IPage page, string where)
    {
        var text = await page.Locator("#package-view").InnerTextAsync();
        foreach (var code in RawCodes)
        {
            var at = text.IndexOf(code, StringComparison.Ordinal);
            Assert.True(at < 0, $"{where}: the page shows the raw \"{code}\" in \"{(at < 0 ? "" : text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 40)])}\"");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"{where}: the page is {overflow} px wider than the window");
    }

    [Fact]
    public async Task County_regulator_reads_the_package_reviews_on_the_page_and_the_prefecture_decision_moves_the_final_settlement()
    {
        await using var host = await HostWithClaimsAsync();
        await StepAsync(host, "hospital", $"hospital:{Lead}", """{"stage":"self-assessment","score":92.5,"notes":"自评：县域内就诊率达标"}""");
        var (page, errors) = await OpenAsync(host, "regulator", "county:530922", "package/alliance/YX-TIGHT");
        var view = page.Locator("#package-view");

        await Expect(view.Locator("#pkg-heading")).ToHaveTextAsync("医共体打包付费与考核");
        await Expect(view.Locator("#pkg-payer .pkg-sentence")).ToContainTextAsync("400,000 人 × 750.00 元/人");
        await Expect(view.Locator("#pkg-payer .kpi[data-figure='basis'] .kpi-value")).ToHaveTextAsync("预拨制");
        await Expect(view.Locator("#pkg-months tbody tr")).ToHaveCountAsync(12);
        await Expect(view.Locator("#pkg-months tbody tr[data-month='1'] th")).ToHaveTextAsync("1月");
        await Expect(view.Locator("#pkg-indicators tbody tr")).ToHaveCountAsync(7);
        await Expect(view.Locator("#pkg-indicators tr[data-code='in-county-rate'] th")).ToHaveTextAsync("县域内就诊率");
        await Expect(view.Locator("#pkg-indicators tr[data-code='admission-rate'] td").First).ToHaveTextAsync("≤ 12.00%");
        await Expect(view.Locator("#pkg-final .pkg-provisional")).ToBeVisibleAsync();
        await Expect(view.Locator("#pkg-review")).ToHaveAttributeAsync("data-status", "self-assessed");
        await Expect(view.Locator("#pkg-review li[data-stage='county-review']")).ToHaveAttributeAsync("data-state", "next");

        // Each month's advance is the package's twelfth (December takes the rounding): the page shows the server's figures.
        var advances = await view.Locator("#pkg-months tbody td[data-column='advance']").AllInnerTextsAsync();
        Assert.Equal(12, advances.Count);
        Assert.All(advances, a => Assert.EndsWith("万元", a, StringComparison.Ordinal));
        Assert.Equal("2,500万元", advances[0]);
        await Expect(view.Locator("#pkg-months tbody tr[data-month='3']")).Not.ToHaveAttributeAsync("data-planned", "true");
        await Expect(view.Locator("#pkg-months tbody tr[data-month='4']")).ToHaveAttributeAsync("data-planned", "true");
        await Expect(view.Locator("#pkg-months td[data-column='afterTheFact']")).ToHaveCountAsync(0);   // a tight alliance is never paid after the fact
        await AssertReadableAsync(page, "county zh 1600");
        await OverviewPageTests.SaveScreenshotAsync(page, "package/county-zh-1600.png");

        // The county's step is on the page for the county's regulator: its score and internal note go to the server.
        var form = view.Locator(".pkg-step-form[data-stage='county-review']");
        await form.Locator("#pkg-step-score").FillAsync("81.25");
        await form.Locator("#pkg-step-notes").FillAsync(InternalNote);
        await form.Locator("#pkg-step-submit").ClickAsync();
        await Expect(view.Locator("#pkg-review")).ToHaveAttributeAsync("data-status", "reviewed");
        await Expect(view.Locator(".pkg-steps tbody tr")).ToHaveCountAsync(2);
        await Expect(view.Locator(".pkg-steps tr[data-stage='county-review'] .pkg-notes")).ToHaveTextAsync(InternalNote);
        await Expect(view.Locator(".pkg-no-step")).ToBeVisibleAsync();   // the decision is the prefecture's, not the county's

        await page.ClickAsync("#lang-en");
        await Expect(view.Locator("#pkg-heading")).ToHaveTextAsync("Alliance package and assessment");
        await Expect(view.Locator("#pkg-payer .kpi[data-figure='basis'] .kpi-value")).ToHaveTextAsync("In advance (预拨制)");
        await Expect(view.Locator("#pkg-indicators tr[data-code='out-of-county-rate'] th")).ToHaveTextAsync("Treated out of county");
        await AssertReadableAsync(page, "county en 1600");
        await OverviewPageTests.SaveScreenshotAsync(page, "package/county-en-1600.png");
        await page.SetViewportSizeAsync(390, 844);
        await AssertReadableAsync(page, "county en 390");
        await OverviewPageTests.SaveScreenshotAsync(page, "package/county-en-390.png");
        await page.ClickAsync("#lang-zh");
        await AssertReadableAsync(page, "county zh 390");
        await OverviewPageTests.SaveScreenshotAsync(page, "package/county-zh-390.png");
        Assert.Empty(errors);

        // The prefecture decides on its own page; the decided score returns its share of the reserve.
        var (prefecture, prefectureErrors) = await OpenAsync(host, "regulator", "region:530900", "package/alliance/YX-TIGHT");
        var decide = prefecture.Locator(".pkg-step-form[data-stage='prefecture-decision']");
        var withheld = await prefecture.Locator("#pkg-reserve .kpi[data-figure='withheld'] .kpi-value").InnerTextAsync();
        await decide.Locator("#pkg-step-score").FillAsync("60");
        await decide.Locator("#pkg-step-submit").ClickAsync();
        await Expect(prefecture.Locator("#pkg-review")).ToHaveAttributeAsync("data-status", "decided");
        await Expect(prefecture.Locator("#pkg-final .pkg-provisional")).ToHaveCountAsync(0);
        await Expect(prefecture.Locator("#pkg-reserve .kpi[data-figure='returned'] .kpi-note")).ToHaveTextAsync("按终评得分 60.00 分返还");
        await Expect(prefecture.Locator("#pkg-indicators .kpi[data-figure='decided'] .kpi-value")).ToHaveTextAsync("60.00");
        var withheldYuan = decimal.Parse(withheld.Replace(",", "", StringComparison.Ordinal).Replace(" 元", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var forfeited = await prefecture.Locator("#pkg-reserve .kpi[data-figure='forfeited'] .kpi-value").InnerTextAsync();
        Assert.Equal((withheldYuan - decimal.Round(withheldYuan * 0.6m, 2)).ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元", forfeited);
        await AssertReadableAsync(prefecture, "prefecture zh 1600");
        await OverviewPageTests.SaveScreenshotAsync(prefecture, "package/prefecture-decided-zh-1600.png");
        Assert.Empty(prefectureErrors);
    }

    [Fact]
    public async Task Hospital_sees_its_own_statement_and_its_lead_the_alliance_without_the_officials_notes()
    {
        await using var host = await HostWithClaimsAsync();
        await StepAsync(host, "hospital", $"hospital:{Lead}", """{"stage":"self-assessment","score":92.5,"notes":"自评：县域内就诊率达标"}""");
        await StepAsync(host, "regulator", "county:530922", $$"""{"stage":"county-review","score":81.25,"notes":"{{InternalNote}}"}""");

        // A member: its own statement (settled within the package), no alliance figures, and the server refuses the rest.
        var (member, memberErrors) = await OpenAsync(host, "hospital", $"hospital:{Member}", "package");
        var view = member.Locator("#package-view");
        await Expect(view).ToHaveAttributeAsync("data-level", "hospital");
        await Expect(view.Locator("#pkg-account option:checked")).ToHaveTextAsync("云县中医医院");
        await Expect(view.Locator("#pkg-payer .kpi[data-figure='basis'] .kpi-value")).ToHaveTextAsync("包内结算");
        await Expect(view.Locator("#pkg-months tbody tr")).ToHaveCountAsync(12);
        await Expect(view.Locator("#pkg-within")).ToBeVisibleAsync();   // settled by the alliance, not on its own
        await Expect(view.Locator("#pkg-final")).ToHaveCountAsync(0);
        await Expect(view.Locator("#pkg-months td[data-column='provided']")).ToHaveCountAsync(13);
        await Expect(view.Locator("#pkg-indicators")).ToHaveCountAsync(0);
        var options = await view.Locator("#pkg-account option").AllInnerTextsAsync();
        Assert.DoesNotContain("云县人民医院", options);
        Assert.DoesNotContain("云县凯达医院", options);
        await AssertReadableAsync(member, "member zh 1600");
        await OverviewPageTests.SaveScreenshotAsync(member, "package/member-zh-1600.png");
        await member.EvaluateAsync("() => { window.location.hash = 'package/alliance/YX-TIGHT'; }");
        await Expect(view.Locator(".pkg-refused").First).ToContainTextAsync("无权查看");
        await Expect(view.Locator("#pkg-months")).ToHaveCountAsync(0);
        var other = await member.EvaluateAsync<int>(
            $"async () => (await fetch('api/settlements/hospital/{Lead}', {{ headers: {{ Authorization: 'Bearer ' + sessionStorage.getItem('monitoring.token') }} }})).status");
        Assert.Equal(403, other);
        Assert.Empty(memberErrors);

        // The lead speaks for the alliance: its statement and assessment, every level's score, none of the officials' notes.
        var (lead, leadErrors) = await OpenAsync(host, "hospital", $"hospital:{Lead}", "package/alliance/YX-TIGHT");
        var leadView = lead.Locator("#package-view");
        await Expect(leadView.Locator("#pkg-indicators tbody tr")).ToHaveCountAsync(7);
        await Expect(leadView.Locator(".pkg-steps tbody tr")).ToHaveCountAsync(2);
        await Expect(leadView.Locator(".pkg-steps tr[data-stage='county-review'] td").Nth(1)).ToHaveTextAsync("81.25");
        Assert.DoesNotContain(InternalNote, await leadView.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(leadView.Locator(".pkg-step-form")).ToHaveCountAsync(0);   // reviewed: the lead may no longer resubmit
        await AssertReadableAsync(lead, "lead zh 1600");
        await OverviewPageTests.SaveScreenshotAsync(lead, "package/lead-zh-1600.png");
        await lead.ClickAsync("#lang-en");
        await Expect(leadView.Locator("#pkg-review .pkg-review-status")).ToHaveTextAsync("Reviewed, awaiting the prefecture's decision");
        await lead.SetViewportSizeAsync(390, 844);
        await AssertReadableAsync(lead, "lead en 390");
        await OverviewPageTests.SaveScreenshotAsync(lead, "package/lead-en-390.png");
        Assert.Empty(leadErrors);
    }
}
