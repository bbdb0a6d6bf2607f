using System.Globalization;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Monitoring.Reports;

namespace Monitoring.Dashboard.Reports;

/// <summary>
/// The monthly report as an .xlsx workbook (MiniExcel): 概况 (the month at a glance), 逐月 (January to the month, paid
/// against plan and the pace at each month's end), 预警 (the month's alerts) and 稽核案件 (the month's cases). Amounts in 万元 to two places, as the
/// report is read; shares in percent.
/// </summary>
public static class MonthlyReportWorkbook
{
    public static async Task<byte[]> WriteAsync(MonthlyFundReport report, CancellationToken cancellationToken)
    {
        var current = report.Current;
        var summary = new List<Dictionary<string, object?>>
        {
            Line("基金 Fund", $"{report.Name}（{report.Id}）"),
            Line("月份 Month", $"{report.FundYear}年{report.Month}月"),
            Line("年度预算（万元） Annual budget", Wan(report.AnnualBudget)),
            Line("本月统筹基金支付（万元） Paid this month", Wan(current.FundPaid)),
            Line("本月计划（万元） Planned this month", Wan(current.Planned)),
            Line("本月结算笔数 Claims this month", current.Claims),
            Line("累计支付（万元） Paid to month end", Wan(current.CumulativePaid)),
            Line("支出进度 Used share", Percent(current.UsedShare)),
            Line("时间进度 Time share", Percent(current.TimeShare)),
            Line("超时间进度（个百分点） Ahead of time (points)", current.GapPoints),
            Line("预计年末支出（万元） Projected year end", Wan(report.ProjectedYearEnd)),
            Line("预计年末支出进度 Projected share", Percent(report.ProjectedShare)),
            Line("预计结余（负数为超支，万元） Projected balance", Wan(report.YearEnd?.Balance)),
            Line("留用（万元） Retained", Wan(report.YearEnd?.Retained)),
            Line("超支自担（万元） Overrun borne", Wan(report.YearEnd?.OverrunBorne)),
            Line("本月预警条数 Alerts this month", report.Alerts.Count),
            Line("数据截至 As of", report.AsOf?.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        };
        var months = report.Months.Select(m => new Dictionary<string, object?>
        {
            ["月份 Month"] = $"{report.FundYear}-{m.Month:D2}",
            ["统筹基金支付（万元） Paid"] = Wan(m.FundPaid),
            ["计划（万元） Planned"] = Wan(m.Planned),
            ["结算笔数 Claims"] = m.Claims,
            ["累计支付（万元） Cumulative"] = Wan(m.CumulativePaid),
            ["支出进度 Used share"] = Percent(m.UsedShare),
            ["时间进度 Time share"] = Percent(m.TimeShare),
            ["超时间进度（个百分点） Gap (points)"] = m.GapPoints,
        }).ToList();
        var alerts = report.Alerts.Select(a => new Dictionary<string, object?>
        {
            ["结算时间 As of"] = a.AsOf.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["类型 Kind"] = a.Kind,
            ["级别 Severity"] = MonthlyReportText.SeverityZh(a.Severity),
            ["对象 Subject"] = $"{a.SubjectLevel} {a.SubjectId}",
            ["状态 Status"] = MonthlyReportText.StatusZh(a.Status),
            ["内容 Message"] = a.MessageZh,
        }).ToList();
        if (alerts.Count == 0)
        {
            alerts.Add(new() { ["内容 Message"] = "本月无预警 No alerts this month" });
        }

        var sheets = new Dictionary<string, object>
        {
            ["概况 Summary"] = summary,
            ["逐月 Months"] = months,
            ["预警 Alerts"] = alerts,
        };
        if (report.Cases is { } cases)
        {
            sheets["稽核案件 Cases"] = new List<Dictionary<string, object?>>
            {
                Line("本月立案（件） Opened this month", cases.Opened),
                Line("本月立案涉及金额（万元） At stake, opened this month", Wan(cases.OpenedAtStake)),
                Line("本月办结（件） Decided this month", cases.Decided),
                Line("其中确认（件） Confirmed", cases.Confirmed),
                Line("其中不予认定（件） Dismissed", cases.Dismissed),
                Line("本月追回（万元） Recovered this month", Wan(cases.Recovered)),
                Line("在办案件（件） Cases still open", cases.Active),
                Line("在办涉及金额（万元） At stake, still open", Wan(cases.ActiveAtStake)),
            };
        }

        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Line(string item, object? value) => new() { ["项目 Item"] = item, ["数值 Value"] = value };

    private static decimal? Wan(decimal? yuan) => yuan is { } v ? decimal.Round(v / 10_000m, 2) : null;

    private static string? Percent(decimal? share) => share is { } s ? (s * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : null;
}
