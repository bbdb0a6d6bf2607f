using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// Every page of the host is sent a Content-Security-Policy that runs no inline script, and works under it (issue 25,
/// item 8): each page is loaded in the real browser, and neither the browser's console nor a
/// <c>securitypolicyviolation</c> event may report a refused script, style, image or connection.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    /// <summary>Runs before any script of the page (the DevTools protocol injects it; the policy does not apply to it).</summary>
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
        window.__printed = false;
        window.print = () => { window.__printed = true; };
        """;

    private static string Token(RunningHost host, string role, string? scope) =>
        host.Services.GetRequiredService<TokenIssuer>().Mint(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error), subject: $"{role}-csp");

    private async Task<(IPage Page, List<string> Console, IResponse Response)> LoadAsync(string url, string? bearer = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = bearer is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {bearer}" },
        });
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add(message.Text);
            }
        };
        page.PageError += (_, error) => console.Add(error);
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return (page, console, response!);
    }

    private static async Task AssertNoViolationAsync(IPage page, List<string> console, IResponse response, string what)
    {
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
        var violations = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__violations)"))!;
        Assert.True(violations.Length == 0, $"{what}: {string.Join("; ", violations)}");
        Assert.True(console.Count == 0, $"{what}: {string.Join("; ", console)}");
    }

    [Fact]
    public async Task Every_page_runs_under_a_policy_that_forbids_inline_script()
    {
        await using var host = await RunningHost.StartAsync();
        using (var ingest = host.Ingest())
        {
            using var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TestClaims.Settlements("csp", 200, seed: 25))));
            Assert.True(posted.IsSuccessStatusCode);
        }

        foreach (var (role, scope) in new[] { ("regulator", "county:530922"), ("inspector", "county:530922"), ("hospital", "hospital:H53092200001") })
        {
            var (page, console, response) = await LoadAsync($"{host.Address}?token={Uri.EscapeDataString(Token(host, role, scope))}");
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
            await AssertNoViolationAsync(page, console, response, $"dashboard as {role}");
            await page.Context.CloseAsync();
        }

        var report = await LoadAsync($"{host.Address}api/reports/monthly/county/530922?month=2026-01&format=html", Token(host, "regulator", "county:530922"));
        Assert.Equal(200, report.Response.Status);
        await report.Page.ClickAsync("#print");
        Assert.True(await report.Page.EvaluateAsync<bool>("() => window.__printed"), "the report's print button did nothing under the policy");
        await AssertNoViolationAsync(report.Page, report.Console, report.Response, "monthly report");
        await report.Page.Context.CloseAsync();

        var reference = await LoadAsync($"{host.Address}scalar/");
        await Expect(reference.Page.Locator("body")).ToContainTextAsync("Fund monitor API", new() { Timeout = 30_000 });
        await AssertNoViolationAsync(reference.Page, reference.Console, reference.Response, "API reference");
        await reference.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_inline_script_is_refused_and_reported()
    {
        // The recorder itself is shown to work: a script written into the page inline is refused and reported.
        await using var host = await RunningHost.StartAsync();
        var (page, console, response) = await LoadAsync($"{host.Address}?token={Uri.EscapeDataString(Token(host, "regulator", "county:530922"))}");
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); }");
        await page.WaitForFunctionAsync("() => window.__violations.length > 0");

        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
        Assert.NotNull(await response.HeaderValueAsync("content-security-policy"));
        Assert.Contains(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await page.Context.CloseAsync();
    }
}
