using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Monitoring.Testing;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>
/// The peer standings (同级医院比较, PEPPER) on a hospital's page in a real browser against the real host: every cell of
/// the table against GET /api/casemix/hospital/{id}/percentiles for the same hospital, in Chinese and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PeerStandingsPageTests(BrowserFixture browser)
{
    /// <summary>云县人民医院, level 2; its peers are the other level-2 hospitals of 临沧市.</summary>
    private const string Hospital = "H53092200001";

    /// <summary>The example registry's two other level-2 hospitals and four more added to 云县, so five can be compared.</summary>
    private static readonly string[] Peers = ["H53092200002", "H53092200003", "H53092200004", "H53092200005", "H53092200006", "H53092200007"];

    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(60);

    private static readonly Words Chinese = new("同级医院比较（PEPPER）", "≤10 例不显示", "高于 80% 同级医院", "同级医院不足 5 家", p => $"第 {p} 百分位", (n, d) => $"{n} / {d} 例");

    private static readonly Words English = new("Peer standings (PEPPER)", "fewer than 11, not shown", "above 80% of peers", "fewer than 5 peers", p => $"percentile {p}", (n, d) => $"{n} of {d}");

    [Fact]
    public async Task Hospital_page_shows_its_peer_percentiles_as_the_api_gives_them_flagged_suppressed_and_unranked_cells_worded()
    {
        var registry = WriteRegistry();
        await using var host = await RunningHost.StartAsync($"--Monitoring:Registry:Path={registry}");
        File.Delete(registry); // put in force at start-up; nothing reads the file again

        // March: 5 short stays, suppressed. April: 12 of 12 short stays against 11 of 20, 30, 40 and 50 (five compared,
        // so the 100th percentile, flagged). May: compared with one peer only, so a rate without a percentile.
        List<string> claims =
        [
            .. Stays("m3", Hospital, 3, shortStays: 5, cases: 5),
            .. Stays("m4", Hospital, 4, shortStays: 12, cases: 12),
            .. Peers[..4].SelectMany((peer, i) => Stays("m4", peer, 4, shortStays: 11, cases: 20 + (10 * i))),
            .. Stays("m5", Hospital, 5, shortStays: 12, cases: 12),
            .. Stays("m5", Peers[0], 5, shortStays: 11, cases: 15),
        ];
        using (var ingest = host.Ingest())
        using (var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims))))
        {
            posted.EnsureSuccessStatusCode();
        }

        var token = host.Token("hospital", $"hospital:{Hospital}");
        var report = await WaitForStandingsAsync(host, token);
        var cells = report.GetProperty("areas").EnumerateArray()
            .SelectMany(a => a.GetProperty("months").EnumerateArray().Select(m => (Area: a.GetProperty("area").GetString()!, Month: m.GetProperty("month").GetInt32(), Standing: m.GetProperty("standing"))))
            .ToList();
        Assert.Contains(cells, c => StateOf(c.Standing) == "flagged");
        Assert.Contains(cells, c => StateOf(c.Standing) == "suppressed");
        Assert.Contains(cells, c => StateOf(c.Standing) == "few-peers");

        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{host.Address}?token={Uri.EscapeDataString(token)}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var section = page.Locator("#peer-standings-section");
        var areas = report.GetProperty("areas").GetArrayLength();
        await ExpectCellsAsync(section, areas, cells, Chinese);
        await section.ScrollIntoViewIfNeededAsync();
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "pepper-zh.png") });

        await page.ClickAsync("#lang-en");
        await ExpectCellsAsync(section, areas, cells, English);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "pepper-en.png") });

        // Nothing of another hospital: the server names no peer, and the page adds none.
        foreach (var peer in Peers)
        {
            await Expect(section).Not.ToContainTextAsync(peer);
        }

        Assert.Empty(scriptErrors);
    }

    /// <summary>Each area a row and each of its months a cell saying what the API says of it, in one language's words.</summary>
    private static async Task ExpectCellsAsync(ILocator section, int areas, List<(string Area, int Month, JsonElement Standing)> cells, Words words)
    {
        await Expect(section.Locator(".section-title")).ToHaveTextAsync(words.Heading);
        await Expect(section.Locator("#peer-standings tbody tr")).ToHaveCountAsync(areas);
        foreach (var (area, month, standing) in cells)
        {
            var cell = section.Locator($"td[data-area='{area}'][data-month='{month}']");
            var state = StateOf(standing);
            await Expect(cell).ToHaveAttributeAsync("data-state", state);
            if (state == "suppressed")
            {
                await Expect(cell).ToHaveTextAsync(words.Suppressed);
                continue;
            }

            if (standing.GetProperty("rate").ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var rate = (standing.GetProperty("rate").GetDouble() * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
            await Expect(cell.Locator(".peer-rate")).ToHaveTextAsync(rate);
            await Expect(cell.Locator(".peer-count")).ToHaveTextAsync(words.Counts(standing.GetProperty("numerator").GetInt64(), standing.GetProperty("denominator").GetInt64()));
            if (state == "few-peers")
            {
                await Expect(cell).ToContainTextAsync(words.FewPeers);
                continue;
            }

            var percentile = standing.GetProperty("percentile").GetDouble().ToString("0.#", CultureInfo.InvariantCulture);
            await Expect(cell.Locator(".peer-percentile")).ToHaveTextAsync(words.Percentile(percentile));
            if (state == "flagged")
            {
                await Expect(cell.Locator(".peer-flag")).ToContainTextAsync(words.Flagged);
            }
            else
            {
                await Expect(cell.Locator(".peer-flag")).ToHaveCountAsync(0);
            }
        }
    }

    private static string StateOf(JsonElement standing) =>
        standing.GetProperty("suppressed").GetBoolean() ? "suppressed"
        : standing.GetProperty("rate").ValueKind == JsonValueKind.Null ? (standing.GetProperty("denominator").GetInt64() > 0 ? "not-compared" : "no-cases")
        : standing.GetProperty("percentile").ValueKind == JsonValueKind.Null ? "few-peers"
        : standing.GetProperty("flagged").GetBoolean() ? "flagged" : "ranked";

    /// <summary>The hospital's standings once April's short stays compare five hospitals and May's are in.</summary>
    private static async Task<JsonElement> WaitForStandingsAsync(RunningHost host, string token)
    {
        using var client = host.Client(token);
        var deadline = DateTime.UtcNow + ReportWait;
        while (true)
        {
            var report = await client.GetFromJsonAsync<JsonElement>($"/api/casemix/hospital/{Hospital}/percentiles");
            var shortStay = report.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area").GetString() == "short-stay")
                .GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetInt32(), m => m.GetProperty("standing"));
            if (shortStay.Count == 3 && shortStay[4].GetProperty("compared").GetInt32() == 5 && shortStay[5].GetProperty("compared").GetInt32() == 2)
            {
                return report;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{Hospital}'s peer standings were not all in within {ReportWait}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// <paramref name="cases"/> stays of one hospital settled in <paramref name="month"/>, the first
    /// <paramref name="shortStays"/> of one day coded ES23 (with complications), the rest of five days coded ES25.
    /// </summary>
    private static IEnumerable<string> Stays(string prefix, string hospitalId, int month, int shortStays, int cases) =>
        Enumerable.Range(0, cases).Select(k =>
        {
            var claimId = $"pep-{prefix}-{hospitalId[^3..]}-{k:D2}";
            var discharge = new DateOnly(2026, month, 10).AddDays(k % 10);
            var settled = new DateTimeOffset(discharge.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(k);
            var isShort = k < shortStays;
            return string.Create(CultureInfo.InvariantCulture, $$"""
                {"claimId":"{{claimId}}","kind":"settlement","settledAt":"{{settled:yyyy-MM-dd'T'HH:mm:sszzz}}","patientId":"P-{{claimId}}","hospitalId":"{{hospitalId}}","insuranceType":"resident","admissionDate":"{{discharge.AddDays(isShort ? -1 : -5):yyyy-MM-dd}}","dischargeDate":"{{discharge:yyyy-MM-dd}}","dischargeDisposition":"1","principalDiagnosis":"J18.900","drgCode":"{{(isShort ? "ES23" : "ES25")}}","drgWeight":{{(isShort ? 0.92m : 0.72m)}},"paymentMethod":"drg","totalCost":5000,"fundPaid":3500}
                """);
        });

    /// <summary>The contract's example registry with four more level-2 hospitals in 云县; returns the file's path.</summary>
    private static string WriteRegistry()
    {
        var registry = JsonNode.Parse(ContractFiles.Read(Path.Combine("examples", "registry.json")))!;
        var hospitals = registry["regions"]![0]!["counties"]![0]!["hospitals"]!.AsArray();
        foreach (var id in Peers[2..])
        {
            hospitals.Add(new JsonObject { ["hospitalId"] = id, ["name"] = $"云县第{id[^1..]}医院", ["level"] = 2, ["allianceId"] = null, ["annualBudget"] = 10_000_000 });
        }

        var path = Path.Combine(Path.GetTempPath(), $"pepper-registry-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, registry.ToJsonString());
        return path;
    }

    /// <summary>What the page says in one language, so one check reads the cells in both.</summary>
    private sealed record Words(string Heading, string Suppressed, string Flagged, string FewPeers, Func<string, string> Percentile, Func<long, long, string> Counts);
}
