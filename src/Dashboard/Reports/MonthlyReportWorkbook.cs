using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Monitoring.Reports;

namespace Monitoring.Dashboard.Reports;

/// <summary>
/// The monthly report as an .xlsx workbook (MiniExcel): 概况 (the month at a glance), 逐月 (January to the month, paid
/// against plan and the pace at each month's end), 预警 (the month's alerts) and 稽核案件 (the month's cases), in one
/// language. Amounts are numbers in 万元 to two places, shares numbers in percent (the column says so), so a reader can
/// sum and chart them.
/// </summary>
public static partial class MonthlyReportWorkbook
{
    public static async Task<byte[]> WriteAsync(MonthlyFundReport report, CancellationToken cancellationToken) =>
        await WriteAsync(report, ReportLanguage.Chinese, cancellationToken);

    public static async Task<byte[]> WriteAsync(MonthlyFundReport report, ReportLanguage lang, CancellationToken cancellationToken)
    {
        var current = report.Current;
        var (item, value) = (lang.T("项目", "Item"), lang.T("数值", "Value"));
        Dictionary<string, object?> Line(string zh, string en, object? v) => new() { [item] = lang.T(zh, en), [value] = v };
        var summary = new List<Dictionary<string, object?>>
        {
            Line("基金", "Fund", $"{report.Name}（{report.Id}）"),
            Line("月份", "Month", lang.T($"{report.FundYear}年{report.Month}月", $"{report.FundYear}-{report.Month:D2}")),
            Line("年度预算（万元）", "Annual budget (10k yuan)", Wan(report.AnnualBudget)),
            Line("本月统筹基金支付（万元）", "Paid this month (10k yuan)", Wan(current.FundPaid)),
            Line("本月计划（万元）", "Planned this month (10k yuan)", Wan(current.Planned)),
            Line("本月结算笔数", "Claims this month", current.Claims),
            Line("累计支付（万元）", "Paid to date (10k yuan)", Wan(current.CumulativePaid)),
            Line("支出进度（%）", "Used share (%)", Percent(current.UsedShare)),
            Line("时间进度（%）", "Time share (%)", Percent(current.TimeShare)),
            Line("超时间进度（个百分点）", "Ahead of time (points)", current.GapPoints),
            Line("预计年末支出（万元）", "Projected year end (10k yuan)", Wan(report.ProjectedYearEnd)),
            Line("预计年末支出进度（%）", "Projected share (%)", Percent(report.ProjectedShare)),
            Line("预计下限（%）", "Projection's lower bound (%)", Percent(report.ProjectedLowShare)),
            Line("预计结余（负数为超支，万元）", "Projected balance (negative: overrun, 10k yuan)", Wan(report.ProjectedBalance)),
            Line("留用（万元）", "Retained (10k yuan)", Wan(report.ProjectedRetained)),
            Line("超支自担（万元）", "Overrun borne (10k yuan)", Wan(report.ProjectedOverrunBorne)),
            Line("本月预警条数", "Alerts this month", report.Alerts.Count),
            Line("数据截至（结算时间）", "As of (settlement time)", report.AsOf?.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        };
        var months = report.Months.Select(m => new Dictionary<string, object?>
        {
            [lang.T("月份", "Month")] = $"{report.FundYear}-{m.Month:D2}",
            [lang.T("统筹基金支付（万元）", "Paid (10k yuan)")] = Wan(m.FundPaid),
            [lang.T("计划（万元）", "Planned (10k yuan)")] = Wan(m.Planned),
            [lang.T("结算笔数", "Claims")] = m.Claims,
            [lang.T("累计支付（万元）", "Cumulative (10k yuan)")] = Wan(m.CumulativePaid),
            [lang.T("支出进度（%）", "Used share (%)")] = Percent(m.UsedShare),
            [lang.T("时间进度（%）", "Time share (%)")] = Percent(m.TimeShare),
            [lang.T("超时间进度（个百分点）", "Gap (points)")] = m.GapPoints,
        }).ToList();
        var message = lang.T("内容", "Message");
        var alerts = report.Alerts.Select(a => new Dictionary<string, object?>
        {
            [lang.T("结算时间", "As of")] = a.AsOf.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [lang.T("类型", "Kind")] = MonthlyReportText.Kind(a.Kind, lang),
            [lang.T("级别", "Severity")] = MonthlyReportText.Severity(a.Severity, lang),
            [lang.T("对象", "Subject")] = a.SubjectId,
            [lang.T("状态", "Status")] = MonthlyReportText.Status(a.Status, lang),
            [message] = lang.T(a.MessageZh, a.MessageEn),
        }).ToList();
        if (alerts.Count == 0)
        {
            alerts.Add(new() { [message] = lang.T("本月无预警", "No alerts this month") });
        }

        var sheets = new Dictionary<string, object>
        {
            [lang.T("概况", "Summary")] = summary,
            [lang.T("逐月", "Months")] = months,
            [lang.T("预警", "Alerts")] = alerts,
        };
        if (report.Cases is { } cases)
        {
            sheets[lang.T("稽核案件", "Cases")] = new List<Dictionary<string, object?>>
            {
                Line("本月立案（件）", "Opened this month", cases.Opened),
                Line("本月立案涉及金额（万元）", "At stake, opened this month (10k yuan)", Wan(cases.OpenedAtStake)),
                Line("本月办结（件）", "Decided this month", cases.Decided),
                Line("其中确认（件）", "Confirmed", cases.Confirmed),
                Line("其中不予认定（件）", "Dismissed", cases.Dismissed),
                Line("本月追回（万元）", "Recovered this month (10k yuan)", Wan(cases.Recovered)),
                Line("在办案件（件）", "Cases still open", cases.Active),
                Line("在办涉及金额（万元）", "At stake, still open (10k yuan)", Wan(cases.ActiveAtStake)),
            };
        }

        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return WellOrdered(stream.ToArray());
    }

    /// <summary>
    /// The package with each sheet's elements in the order the schema requires: MiniExcel writes its <c>drawing</c>
    /// element inside <c>sheetData</c>, which Excel offers to repair; it belongs after the sheet data.
    /// </summary>
    public static byte[] WellOrdered(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                {
                    xml = reader.ReadToEnd();
                }

                var fixedXml = MoveDrawingOutOfSheetData(xml);
                if (fixedXml == xml)
                {
                    continue;
                }

                var name = entry.FullName;
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(fixedXml);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Moves any <c>drawing</c> element found inside <c>sheetData</c> to its place in the worksheet: after the sheet data
    /// and what follows it, before <c>legacyDrawing</c>, <c>tableParts</c>, <c>extLst</c> or the worksheet's end.
    /// </summary>
    public static string MoveDrawingOutOfSheetData(string xml)
    {
        var data = SheetData().Match(xml);
        if (!data.Success)
        {
            return xml;
        }

        var drawings = Drawing().Matches(data.Value).Select(m => m.Value).ToList();
        if (drawings.Count == 0)
        {
            return xml;
        }

        var cleaned = string.Concat(xml.AsSpan(0, data.Index), Drawing().Replace(data.Value, ""), xml.AsSpan(data.Index + data.Length));
        var at = AfterDrawing().Match(cleaned, data.Index);
        var index = at.Success ? at.Index : cleaned.Length;
        return cleaned.Insert(index, string.Concat(drawings));
    }

    [GeneratedRegex(@"<(?:x:)?(?:legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|</(?:x:)?worksheet>")]
    private static partial Regex AfterDrawing();

    [GeneratedRegex(@"<(?:x:)?sheetData\b[^>]*>.*?</(?:x:)?sheetData>", RegexOptions.Singleline)]
    private static partial Regex SheetData();

    [GeneratedRegex(@"<(?:x:)?drawing\b[^>]*/>", RegexOptions.Singleline)]
    private static partial Regex Drawing();

    private static decimal? Wan(decimal? yuan) => yuan is { } v ? decimal.Round(v / 10_000m, 2) : null;

    /// <summary>A share as a number of percent to one place (7.5 for 7.5%): the column's header says "%".</summary>
    private static decimal? Percent(decimal? share) => share is { } s ? decimal.Round(s * 100m, 1) : null;
}
