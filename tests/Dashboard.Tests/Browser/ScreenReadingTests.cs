using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// Every screen as its reader reads it on a played demo year — the board of each role, the case queue, and the case
/// sheet of a split pair, an upcoding and a low-threshold case — at 1600 px and 390 px, in Chinese and English: no
/// object printed as "[object Object]", no raw alert or case id where a heading or a case's name belongs, no sideways
/// scroll, no two-character word broken over two lines, no English in Chinese mode, one "as of" a screen, one patient a
/// stay timeline. Screenshots
/// go under the test's bin folder (screenshots/screens) to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ScreenReadingTests(BrowserFixture browser)
{
    private static readonly string[] PatternKinds = ["upcoding", "low-threshold-admission"];

    [Fact]
    public async Task Every_screen_at_both_widths_in_both_languages_reads_without_objects_ids_scroll_wraps_english_or_two_clocks()
    {
        await using var host = await RunningHost.StartAsync(
            "--Monitoring:Demo:Enabled=true",
            "--Monitoring:Registry:Path=",
            "--Monitoring:Demo:Loop=false",
            "--Monitoring:Demo:YearMinutes=0.75",
            "--Monitoring:Demo:ClaimsPerYear=60000",
            "--Monitoring:Demo:BatchInterval=00:00:00.100");
        var cases = await CasesOfEachKindAsync(host);
        await YearPlayedAsync(host);

        // A region inspector reaches every county's cases, wherever the demo planted the pattern findings.
        var inspector = host.Token("inspector", "region:530900");
        var county = host.Token("regulator", "county:530922");
        var hospital = host.Token("hospital", $"hospital:{cases["split-hospitalization"].HospitalId}");
        (string Name, string Token, string Hash)[] screens =
        [
            ("board-region", host.Token("regulator", "region:530900"), ""),
            ("board-county", county, ""),
            ("board-hospital", host.Token("hospital", "hospital:H53092100201"), ""),
            ("queue-inspector", host.Token("inspector", "county:530922"), "#cases"),
            ("queue-county", county, "#cases"),
            ("queue-hospital", hospital, "#cases"),
            .. cases.Select(c => ($"case-{c.Key}", inspector, $"#case/{Uri.EscapeDataString(c.Value.CaseId)}")),
            ("case-split-hospital", hospital, $"#case/{Uri.EscapeDataString(cases["split-hospitalization"].CaseId)}"),
        ];

        var problems = new List<string>();
        foreach (var (name, token, hash) in screens)
        {
            foreach (var (width, height) in new[] { (1600, 1000), (390, 844) })
            {
                foreach (var language in new[] { "zh", "en" })
                {
                    var where = $"{name} {width}px {language}";
                    var page = await browser.NewPageAsync();
                    // The machine is shared: a full-page screenshot of a long sheet can take a while.
                    page.SetDefaultTimeout(120_000);
                    var scriptErrors = new List<string>();
                    page.PageError += (_, error) => scriptErrors.Add(error);
                    await page.SetViewportSizeAsync(width, height);
                    await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(token)}{hash}");
                    await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 60_000 });
                    if (language == "en")
                    {
                        await page.ClickAsync("#lang-en");
                    }

                    if (hash.StartsWith("#case/", StringComparison.Ordinal))
                    {
                        await Expect(page.Locator("#cases-view .case-sheet")).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    }

                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await ScreenshotAsync(page, $"{name}-{width}-{language}.png");
                    problems.AddRange((await page.EvaluateAsync<string[]>(ReadingProblems, language)).Select(p => $"{where}: {p}"));
                    problems.AddRange(scriptErrors.Select(e => $"{where}: script error {e}"));
                    await page.Context.CloseAsync();
                }
            }
        }

        // The whole list beside the screenshots: the assertion's message shows only its first few.
        await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "screens", "problems.txt"), problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The reader's complaints about the screen as drawn, worked out in the page.</summary>
    private const string ReadingProblems = """
        (language) => {
          const found = [];
          const visible = (el) => el.offsetParent !== null || el === document.body;
          const overflow = document.documentElement.scrollWidth - window.innerWidth;
          if (overflow > 1) found.push(`the page scrolls sideways by ${overflow} px`);
          const text = document.body.innerText;
          if (text.includes('[object Object]')) found.push('an object printed as [object Object]');

          // Headings, captions, column heads and case names are words, never a raw alert id or a bare case id.
          const rawAlertId = /(^|\s)(split-hospitalization|upcoding|low-threshold-admission|budget-pace|budget-exhausted)\/\S+/;
          for (const el of document.querySelectorAll('h1, h2, h3, h4, caption, figcaption, th, .case-link')) {
            if (!visible(el)) continue;
            const words = el.textContent.trim();
            if (rawAlertId.test(words)) found.push(`raw alert id as a heading: "${words.slice(0, 80)}"`);
            if (el.matches('.case-link') && /^C-[0-9a-f]{8,}$/.test(words)) found.push(`a case named by its id alone: "${words}"`);
          }

          // A short word (a label or a button: 退出登录, 定点医疗机构, a month) is never broken over two lines.
          const short = document.querySelectorAll('.topbar *, #heatmap *, th, button, label > span, .case-status, .severity, .alert-kind, .kpi-label');
          for (const el of short) {
            if (!visible(el) || el.children.length > 0) continue;
            const words = el.textContent.trim();
            if (words.length < 2 || words.length > 8 || /\s/.test(words)) continue;
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (tops.size > 1) found.push(`"${words}" wraps over ${tops.size} lines`);
          }

          // Chinese mode is Chinese: no English sentence, no field name in camelCase (codes like DRG, ADRG, RW stay).
          if (language === 'zh') {
            const skip = 'script, style, .lang-switch, .case-id, .evidence-ref, .claim-ids, code, input, textarea, option';
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const el = node.parentElement;
              if (!el || !visible(el) || el.closest(skip)) continue;
              const words = node.textContent;
              // A code spelt in kebab-case (non-medical-advice-discharge) is a value the page forgot to word.
              const english = words.match(/\b[A-Za-z]{3,}\b[\s,;:]+\b[A-Za-z]{3,}\b[\s,;:]+\b[A-Za-z]{3,}\b/) ?? words.match(/\b[a-z]+[A-Z][A-Za-z]+\b/)
                ?? words.match(/\b[a-z]{2,}(?:-[a-z]{2,}){2,}\b/);
              if (english) found.push(`English in Chinese mode: "${english[0]}" in "${words.trim().slice(0, 60)}"`);
            }
          }

          // A timeline is one patient's stays: a case of many pairs draws one per patient, never all its stays on one.
          for (const timeline of document.querySelectorAll('.stay-timeline')) {
            if (!visible(timeline)) continue;
            const patients = new Set([...timeline.querySelectorAll('.stay-row')].map(row => row.dataset.patient ?? '(no patient)'));
            if (patients.size > 1 || patients.has('(no patient)')) found.push(`a timeline of ${[...patients].join(', ')}'s stays together`);
          }

          // One clock a screen: a single "as of" (the page marks each statement of the screen's settlement time).
          const clocks = [...document.querySelectorAll('[data-clock]')].filter(visible).map(el => el.textContent.trim());
          if (clocks.length > 1) found.push(`${clocks.length} "as of" on one screen: ${clocks.join(' | ')}`);
          return found;
        }
        """;

    private sealed record CaseOnFile(string CaseId, string HospitalId);

    /// <summary>Waits, on the demo's own cases, until a split pair and each pattern finding has a case; their ids.</summary>
    private static async Task<Dictionary<string, CaseOnFile>> CasesOfEachKindAsync(RunningHost host)
    {
        using var admin = host.Admin();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var found = new Dictionary<string, CaseOnFile>(StringComparer.Ordinal);
        while (found.Count < 1 + PatternKinds.Length)
        {
            foreach (var kind in PatternKinds.Prepend("split-hospitalization").Where(k => !found.ContainsKey(k)))
            {
                var list = await admin.GetFromJsonAsync<JsonElement>($"/api/cases?kind={kind}&limit=1", deadline.Token);
                if (list.GetArrayLength() > 0)
                {
                    found[kind] = new CaseOnFile(list[0].GetProperty("caseId").GetString()!, list[0].GetProperty("hospitalId").GetString()!);
                }
            }

            await Task.Delay(500, deadline.Token);
        }

        return found;
    }

    /// <summary>Waits until the feed has settled its last day, so each screen is read still, not mid-stream.</summary>
    private static async Task YearPlayedAsync(RunningHost host)
    {
        using var regulator = host.Client(host.Token("regulator", "region:530900"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var lastDay = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.FromHours(8));
        while (true)
        {
            var county = await regulator.GetFromJsonAsync<JsonElement>("/api/funds/county/530922", deadline.Token);
            if (county.GetProperty("asOf").ValueKind == JsonValueKind.String && county.GetProperty("asOf").GetDateTimeOffset() >= lastDay)
            {
                return;
            }

            await Task.Delay(250, deadline.Token);
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "screens", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 120_000 });
    }
}
