using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>The monthly report over HTTP on the real host: JSON, a real .xlsx, a printable page, and its scope.</summary>
public sealed class MonthlyReportEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task County_report_json_xlsx_and_page_carry_the_same_month()
    {
        using (var ingest = Host.Ingest())
        {
            using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TestClaims.Settlements("report", 300, seed: 21))));
            reply.EnsureSuccessStatusCode();
        }

        using var regulator = Host.Client(Host.Token("regulator", "county:530922"));
        var json = await regulator.GetFromJsonAsync<JsonElement>("/api/reports/monthly/county/530922?month=2026-01");
        var january = json.GetProperty("months")[0];
        Assert.Equal("2026-01", json.GetProperty("month").GetString());
        var paid = january.GetProperty("fundPaid").GetDecimal();
        Assert.True(paid > 0);

        using var xlsx = await regulator.GetAsync("/api/reports/monthly/county/530922?month=2026-01&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        // One language per report (issue 26): Chinese by default, no bilingual labels.
        Assert.Equal(["概况", "逐月", "预警", "稽核案件"], MiniExcel.GetSheetNames(workbook));
        var months = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "逐月").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("2026-01", months[0]["月份"]);
        Assert.Equal(decimal.Round(paid / 10_000m, 2), Convert.ToDecimal(months[0]["统筹基金支付（万元）"], System.Globalization.CultureInfo.InvariantCulture));

        using var page = await regulator.GetAsync("/api/reports/monthly/county/530922?month=2026-01&format=html");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("云县 2026年1月 基金运行分析月报", html, StringComparison.Ordinal);
        Assert.Contains((paid / 10_000m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture) + "万元", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Monthly fund-operation report", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Annual budget", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_opens_clean_with_numbers_for_shares_and_the_year_end_filled_in_the_language_asked()
    {
        using (var ingest = Host.Ingest())
        {
            using var reply = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(TestClaims.Settlements("report-xlsx", 300, seed: 22))));
            reply.EnsureSuccessStatusCode();
        }

        using var regulator = Host.Client(Host.Token("regulator", "county:530922"));
        var bytes = await regulator.GetByteArrayAsync("/api/reports/monthly/county/530922?month=2026-01&format=xlsx&lang=en");

        // Read as a package: every sheet's XML parses and no drawing sits inside sheetData (Excel would offer a repair).
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes)))
        {
            var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(sheets);
            foreach (var sheet in sheets)
            {
                using var stream = sheet.Open();
                var xml = System.Xml.Linq.XDocument.Load(stream);
                var data = Assert.Single(xml.Descendants(), e => e.Name.LocalName == "sheetData");
                Assert.DoesNotContain(data.Descendants(), e => e.Name.LocalName == "drawing");
            }
        }

        using var workbook = new MemoryStream(bytes);
        Assert.Equal(["Summary", "Months", "Alerts", "Cases"], MiniExcel.GetSheetNames(workbook));
        var summary = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Item"], r => r["Value"]);
        Assert.IsNotType<string>(summary["Used share (%)"]);
        var used = Convert.ToDecimal(summary["Used share (%)"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(used, 0.1m, 100m);
        var balance = Convert.ToDecimal(summary["Projected balance (negative: overrun, 10k yuan)"], System.Globalization.CultureInfo.InvariantCulture);
        var retained = Convert.ToDecimal(summary["Retained (10k yuan)"], System.Globalization.CultureInfo.InvariantCulture);
        var borne = Convert.ToDecimal(summary["Overrun borne (10k yuan)"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(balance, retained - borne);
        Assert.DoesNotContain(summary.Keys, k => k.Any(ch => ch >= '\u4e00' && ch <= '\u9fff'));
    }

    [Theory]
    [InlineData("hospital", "hospital:H53092200001", "/api/reports/monthly/county/530922", HttpStatusCode.Forbidden)]
    [InlineData("regulator", "county:530923", "/api/reports/monthly/alliance/YX-TIGHT", HttpStatusCode.Forbidden)]
    [InlineData("regulator", "county:530922", "/api/reports/monthly/hospital/H53092200001", HttpStatusCode.BadRequest)]
    [InlineData("regulator", "county:530922", "/api/reports/monthly/county/530922?month=2026-13", HttpStatusCode.BadRequest)]
    [InlineData("regulator", "county:530922", "/api/reports/monthly/county/530922?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("regulator", "county:530922", "/api/reports/monthly/county/530922?format=html&lang=fr", HttpStatusCode.BadRequest)]
    [InlineData("regulator", "county:530922", "/api/reports/monthly/county/530922?month=1999-03", HttpStatusCode.BadRequest)]
    public async Task Report_outside_scope_or_badly_asked_is_refused(string role, string scope, string path, HttpStatusCode expected)
    {
        using var client = Host.Client(Host.Token(role, scope));
        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }
}
