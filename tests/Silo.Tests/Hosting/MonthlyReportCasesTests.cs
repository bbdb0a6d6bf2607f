using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>The monthly report's cases section on the real host: a planted split opens a case, the county's report counts it (the filter by county and alliance is unit-tested in ReportCasesTests).</summary>
public sealed class MonthlyReportCasesTests
{
    private const string Hospital = "H53092200001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_open_case_is_in_the_county_report_json_xlsx_and_page_and_not_in_another_countys()
    {
        await using var host = await RunningHost.StartAsync();
        var (first, second) = TestSplitPairs.Pair("report-case", Hospital, day: 70, firstPaid: 3_950.20m, secondPaid: 4_200.00m);
        using (var ingest = host.Ingest())
        {
            using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first, second])));
            reply.EnsureSuccessStatusCode();
        }

        var opened = await CaseOfAsync(host, "report-case-2");
        var atStake = opened.GetProperty("amountAtStake").GetDecimal();
        var openedAt = opened.GetProperty("openedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.True(atStake > 0);
        // Stamped in settlement time, the month its pair became known (issue 26): the March report's 本月立案 counts it.
        Assert.Equal((2026, 3), (openedAt.Year, openedAt.Month));

        // The month of the opening, when it lies in the fund year in force; else March, where only the open case shows.
        var month = openedAt.Year == 2026 ? openedAt.Month : 3;
        var path = $"/api/reports/monthly/county/530922?month=2026-{month:D2}";
        using var regulator = host.Client(host.Token("regulator", "county:530922"));
        var cases = (await regulator.GetFromJsonAsync<JsonElement>(path)).GetProperty("cases");
        Assert.Equal(1, cases.GetProperty("active").GetInt32());
        Assert.Equal(atStake, cases.GetProperty("activeAtStake").GetDecimal());
        Assert.Equal(0, cases.GetProperty("decided").GetInt32());
        Assert.Equal(0m, cases.GetProperty("recovered").GetDecimal());
        if (openedAt.Year == 2026)
        {
            Assert.Equal(1, cases.GetProperty("opened").GetInt32());
            Assert.Equal(atStake, cases.GetProperty("openedAtStake").GetDecimal());
        }

        using var xlsx = await regulator.GetAsync(path + "&format=xlsx");
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var lines = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "稽核案件").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["项目"], r => r["数值"]);
        Assert.Equal(1m, Convert.ToDecimal(lines["在办案件（件）"], CultureInfo.InvariantCulture));
        Assert.Equal(1m, Convert.ToDecimal(lines["本月立案（件）"], CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Round(atStake / 10_000m, 2), Convert.ToDecimal(lines["在办涉及金额（万元）"], CultureInfo.InvariantCulture));

        var html = await regulator.GetStringAsync(path + "&format=html");
        Assert.Contains("id=\"report-cases\"", html, StringComparison.Ordinal);
        Assert.Contains($"1 件，涉及金额 {(atStake / 10_000m).ToString("#,##0.00", CultureInfo.InvariantCulture)}万元", html, StringComparison.Ordinal);

    }

    private static async Task<JsonElement> CaseOfAsync(RunningHost host, string claimId)
    {
        using var admin = host.Admin();
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var cases = await admin.GetFromJsonAsync<JsonElement>("/api/cases?limit=100", deadline.Token);
            foreach (var c in cases.EnumerateArray())
            {
                if (c.GetProperty("claimIds").EnumerateArray().Any(id => id.GetString() == claimId))
                {
                    return c;
                }
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
