using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Cases;

/// <summary>
/// A host whose <c>Monitoring:Cases:AutoOpenKinds</c> leaves split hospitalization out: its alerts open no case by
/// themselves, and an inspector opens one by hand.
/// </summary>
public sealed class ManualCaseOpeningTests : IAsyncLifetime
{
    private const string Hospital = "H53092200202";
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync("--Monitoring:Cases:AutoOpenKinds:0=upcoding");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private string Token(string role, string scope, string subject) =>
        _host.Services.GetRequiredService<TokenIssuer>().Mint(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error), subject: subject);

    [Fact]
    public async Task An_alert_of_a_kind_not_listed_opens_no_case_until_an_inspector_opens_one()
    {
        var (first, second) = TestSplitPairs.Pair("manual", Hospital, day: 50);
        using (var ingest = _host.Ingest())
        {
            (await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first, second])))).EnsureSuccessStatusCode();
        }

        using var admin = _host.Admin();
        var alert = await FirstAlertAsync(admin);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("caseId").ValueKind);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/cases"))!);
        var alertId = alert.GetProperty("alertId").GetString();

        using (var hospital = _host.Client(Token("hospital", $"hospital:{Hospital}", "hospital-202")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await hospital.PostAsJsonAsync("/api/cases", new { alertId })).StatusCode);
        }

        using (var otherCounty = _host.Client(Token("inspector", "county:530921", "insp-y")))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.PostAsJsonAsync("/api/cases", new { alertId })).StatusCode);
        }

        using var inspector = _host.Client(Token("inspector", "county:530922", "insp-a"));
        using var opened = await inspector.PostAsJsonAsync("/api/cases", new { alertId, note = "opened from the alert feed" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var document = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = document.GetProperty("caseId").GetString();
        Assert.Equal($"/api/cases/{caseId}", opened.Headers.Location!.OriginalString);
        Assert.Equal(("insp-a", "opened from the alert feed"),
            (document.GetProperty("openedBy").GetString(), document.GetProperty("history")[0].GetProperty("note").GetString()));
        Assert.Equal(caseId, (await FirstAlertAsync(admin)).GetProperty("caseId").GetString());

        using var again = await inspector.PostAsJsonAsync("/api/cases", new { alertId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(caseId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString());
    }

    private static async Task<JsonElement> FirstAlertAsync(HttpClient admin)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var alerts = await admin.GetFromJsonAsync<JsonElement[]>($"/api/alerts?kind=split-hospitalization&hospitalId={Hospital}");
            if (alerts is { Length: > 0 })
            {
                return alerts[0];
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "no split-hospitalization alert was stored");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
