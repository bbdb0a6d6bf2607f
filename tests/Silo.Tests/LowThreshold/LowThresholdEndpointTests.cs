using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.LowThreshold;

/// <summary>
/// <c>GET /api/low-threshold/hospital/{id}</c> and the <c>low-threshold-admission</c> alert, against the real embedded
/// host: a township centre whose share of short, cheap stays jumps from one in thirty to twelve in thirty is alerted,
/// with the claims in <c>claimIds</c>; its standing shows the monthly share beside its admissions; scope holds.
/// </summary>
public sealed class LowThresholdEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Township = "H53092200101";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Monday = new(2026, 1, 5);

    private RunningHost Host => fixture.Host;

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

    [Fact]
    public async Task A_township_centre_admitting_many_more_short_cheap_stays_is_alerted_and_its_months_show_it()
    {
        // Twelve weeks at one in thirty, two at twelve in thirty, then a stay of week 15 that ends week 14.
        var claims = new List<string>();
        var shortOnes = new List<string>();
        for (var week = 0; week < 14; week++)
        {
            for (var k = 0; k < 30; k++)
            {
                var id = $"LT-{week:D2}-{k:D2}";
                var shortAndCheap = k < (week >= 12 ? 12 : 1);
                claims.Add(Stay(id, week, k, shortAndCheap));
                if (shortAndCheap && week >= 12)
                {
                    shortOnes.Add(id);
                }
            }

            using var ingest = Host.Ingest();
            using var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            claims.Clear();
        }

        using (var ingest = Host.Ingest())
        using (var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([Stay("LT-14-00", 14, 0, false)]))))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var alerts = await ReadUntilAsync($"/api/alerts?kind=low-threshold-admission&hospitalId={Township}", a => a.GetArrayLength() > 0);
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal("hospital", alert.GetProperty("subject").GetProperty("level").GetString());
        Assert.Equal(Township, alert.GetProperty("subject").GetProperty("id").GetString());
        Assert.Equal("2026-04-01T23:59:59+08:00", alert.GetProperty("asOf").GetString());   // the end of settlement week 12 (26 March – 1 April: weeks count from 1 January)
        var claimIds = alert.GetProperty("claimIds").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(8, claimIds.Count);
        Assert.All(claimIds, id => Assert.Contains(id, shortOnes));
        var evidence = alert.GetProperty("evidence");
        Assert.Equal("2026-03-26", evidence.GetProperty("cusum").GetProperty("onset").GetString());
        Assert.Equal("GU25", evidence.GetProperty("examples")[0].GetProperty("drgCode").GetString());
        Assert.Contains("降低住院指征收治住院", alert.GetProperty("message").GetProperty("zh").GetString());

        using var own = Host.Client(Host.Token("hospital", $"hospital:{Township}"));
        var standing = await own.GetFromJsonAsync<JsonElement>($"/api/low-threshold/hospital/{Township}");
        Assert.Equal("warning", standing.GetProperty("level").GetString());
        var months = standing.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!);
        Assert.Equal(1.0 / 30, months["2026-02"].GetProperty("share").GetDouble(), 6);
        // 61 admissions: the stay of week 14 is counted as an admission at once, judged only when its week ends.
        Assert.Equal((61, 60, 24), (months["2026-04"].GetProperty("admissions").GetInt32(), months["2026-04"].GetProperty("stays").GetInt32(),
            months["2026-04"].GetProperty("shortAndCheap").GetInt32()));
    }

    [Fact]
    public async Task Hospital_reads_its_own_standing_but_not_another_hospitals_and_unknown_is_404()
    {
        using var own = Host.Client(Host.Token("hospital", "hospital:H53092200202"));

        using var mine = await own.GetAsync("/api/low-threshold/hospital/H53092200202");
        using var theirs = await own.GetAsync("/api/low-threshold/hospital/H53092200001");
        using var admin = Host.Client(Host.Token("admin"));
        using var unknown = await admin.GetAsync("/api/low-threshold/hospital/H00000000000");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal("application/problem+json", theirs.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var standing = await mine.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("none", standing.GetProperty("level").GetString());
        Assert.Equal(0, standing.GetProperty("months").GetArrayLength());
    }
}
