using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts;
using Monitoring.LowThreshold;
using Monitoring.Publishing;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Cases;

/// <summary>
/// A pattern finding and its case against the real embedded host: a low-threshold-admission alert opens a case; reversing
/// one of its example claims neither withdraws the alert nor the case (the case records it); an escalation of the same
/// finding joins that case; deciding the case resolves its alerts.
/// </summary>
public sealed class PatternFindingCaseTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Township = "H53092200101";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private const decimal ShortStayFundPaid = 700m * 0.7m;

    private RunningHost Host => fixture.Host;

    private string Inspector => Host.Token("inspector", "county:530922");

    private static string Stay(string claimId, int week, int k, bool shortAndCheap)
    {
        var discharge = Monday.AddDays((7 * week) + 1);
        var settled = new DateTimeOffset(discharge.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(k);
        var admission = discharge.AddDays(shortAndCheap ? -1 : -6);
        var cost = shortAndCheap ? 700m : 2_400m;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"claimId":"{{claimId}}","kind":"settlement","settledAt":"{{settled:yyyy-MM-dd'T'HH:mm:sszzz}}","patientId":"P-{{claimId}}","hospitalId":"{{Township}}","insuranceType":"resident","admissionDate":"{{admission:yyyy-MM-dd}}","dischargeDate":"{{discharge:yyyy-MM-dd}}","dischargeDisposition":"1","principalDiagnosis":"K29.700","drgCode":"GU25","drgWeight":0.35,"paymentMethod":"drg","totalCost":{{cost}},"fundPaid":{{cost * 0.7m}}}
            """);
    }

    private async Task PostAsync(IEnumerable<string> claims)
    {
        using var ingest = Host.Ingest();
        using var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    private async Task<JsonElement> ReadUntilAsync(string path, Func<JsonElement, bool> done)
    {
        using var client = Host.Client(Host.Token("admin"));
        var clock = Stopwatch.StartNew();
        var document = await client.GetFromJsonAsync<JsonElement>(path);
        while (!done(document) && clock.Elapsed < Patience)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            document = await client.GetFromJsonAsync<JsonElement>(path);
        }

        return document;
    }

    private async Task<JsonElement> ActAsync(string caseId, object action)
    {
        using var client = Host.Client(Inspector);
        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/actions", action);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static bool HasAction(JsonElement c, string action) =>
        c.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("action").GetString() == action);

    [Fact]
    public async Task A_reversed_example_leaves_the_finding_standing_an_escalation_joins_its_case_and_the_decision_resolves_its_alerts()
    {
        // The scenario of LowThresholdEndpointTests: twelve weeks at one short, cheap stay in thirty, two at twelve in thirty.
        var shortOnes = new List<string>();
        for (var week = 0; week < 14; week++)
        {
            var claims = new List<string>();
            for (var k = 0; k < 30; k++)
            {
                var id = $"PF-{week:D2}-{k:D2}";
                var shortAndCheap = k < (week >= 12 ? 12 : 1);
                claims.Add(Stay(id, week, k, shortAndCheap));
                if (shortAndCheap && week >= 12)
                {
                    shortOnes.Add(id);
                }
            }

            await PostAsync(claims);
        }

        await PostAsync([Stay("PF-14-00", 14, 0, false)]);
        var alertsPath = $"/api/alerts?kind=low-threshold-admission&hospitalId={Township}";
        var raised = Assert.Single((await ReadUntilAsync(alertsPath, a => a.GetArrayLength() > 0 && a[0].TryGetProperty("caseId", out var c) && c.ValueKind == JsonValueKind.String)).EnumerateArray());
        var alertId = raised.GetProperty("alertId").GetString()!;
        var caseId = raised.GetProperty("caseId").GetString()!;
        var examples = Strings(raised.GetProperty("claimIds"));
        var opened = await ReadUntilAsync($"/api/cases/{caseId}", _ => true);
        Assert.Equal(examples.Length * ShortStayFundPaid, opened.GetProperty("amountAtStake").GetDecimal());

        // The hospital reverses one example claim: the case records it and stands, the alert stays as it was.
        await PostAsync([TestClaims.Reversal("PF-R-1", examples[0], new DateTimeOffset(2026, 4, 20, 10, 0, 0, TimeSpan.FromHours(8)))]);
        var noted = await ReadUntilAsync($"/api/cases/{caseId}", c => HasAction(c, "claim-reversed"));
        Assert.Equal("open", noted.GetProperty("status").GetString());
        var line = noted.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("claim-reversed", "system"), (line.GetProperty("action").GetString(), line.GetProperty("actor").GetString()));
        // The system's line names the item by code, not in words (issue 26): the page words it in the reader's language.
        Assert.Equal([examples[0]], Strings(line.GetProperty("itemIds")));
        Assert.Equal((examples.Length - 1) * ShortStayFundPaid, noted.GetProperty("amountAtStake").GetDecimal());
        var afterReversal = Assert.Single((await ReadUntilAsync(alertsPath, _ => true)).EnumerateArray());
        Assert.Equal((alertId, "open"), (afterReversal.GetProperty("alertId").GetString(), afterReversal.GetProperty("status").GetString()));

        // The same finding escalates under a new alert id: it joins the standing case with its new claim, no second case.
        var newClaim = shortOnes.First(id => !examples.Contains(id));
        var stored = await Host.Services.GetRequiredService<IAlertStore>().FindAsync(alertId, TestContext.Current.CancellationToken);
        var escalation = stored! with
        {
            AlertId = LowThresholdAlerts.AlertId(Township, 13, AlertTransition.Escalated),
            Transition = AlertTransition.Escalated,
            Severity = AlertSeverity.Critical,
            ClaimIds = [examples[1], newClaim],
            CaseId = null,
            Status = AlertStatus.Open,
            StatusReason = null,
            Sequence = 0,
        };
        await Host.Services.GetRequiredService<IPublisher>().RaiseAsync([escalation]);
        var joined = await ReadUntilAsync($"/api/cases/{caseId}", c => HasAction(c, "escalate"));
        Assert.Equal([alertId, escalation.AlertId], Strings(joined.GetProperty("alertIds")));
        Assert.Contains(newClaim, Strings(joined.GetProperty("claimIds")));
        Assert.Equal(examples.Length * ShortStayFundPaid, joined.GetProperty("amountAtStake").GetDecimal());
        Assert.Equal("critical", joined.GetProperty("severity").GetString());
        var both = await ReadUntilAsync(alertsPath, a => a.GetArrayLength() == 2);
        Assert.All(both.EnumerateArray(), a => Assert.Equal(caseId, a.GetProperty("caseId").GetString()));
        var cases = await ReadUntilAsync($"/api/cases?hospitalId={Township}&limit=100", _ => true);
        Assert.Equal([caseId], cases.EnumerateArray().Select(c => c.GetProperty("caseId").GetString()));

        // The inspector confirms: both alerts are resolved, the reason naming the case and the decision.
        await ActAsync(caseId, new { action = "take" });
        await ActAsync(caseId, new { action = "review", note = "records read" });
        await ActAsync(caseId, new { action = "confirm", amount = 490m, note = "admissions not indicated" });
        var resolved = await ReadUntilAsync(alertsPath, a => a.EnumerateArray().All(x => x.GetProperty("status").GetString() == "resolved"));
        Assert.All(resolved.EnumerateArray(), a => Assert.Equal(("resolved", $"case-confirmed:{caseId}"),
            (a.GetProperty("status").GetString(), a.GetProperty("statusReason").GetString())));

        // A replay raises the escalation again after the decision: it keeps its case, and no other opens.
        await Host.Services.GetRequiredService<IPublisher>().RaiseAsync([escalation]);
        var after = await ReadUntilAsync($"/api/cases?hospitalId={Township}&limit=100", _ => true);
        Assert.Equal([caseId], after.EnumerateArray().Select(c => c.GetProperty("caseId").GetString()));
    }
}
