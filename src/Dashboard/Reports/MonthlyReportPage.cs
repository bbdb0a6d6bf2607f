using System.Globalization;
using System.Net;
using System.Text;
using Monitoring.Reports;

namespace Monitoring.Dashboard.Reports;

/// <summary>
/// The monthly report as a printable page (A4, Chinese with English beneath each heading): the same figures as the
/// workbook. Every value is HTML-encoded: names and messages come from the registry and the feeds.
/// </summary>
public static class MonthlyReportPage
{
    public static string Render(MonthlyFundReport report)
    {
        var c = report.Current;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{report.Name} {report.FundYear}年{report.Month}月 基金运行分析月报"))
            .Append("</title><style>")
            .Append("@page{size:A4;margin:16mm}body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;color:#1f2933;margin:24px;font-size:13px}")
            .Append("h1{font-size:20px;margin:0}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #ccd;padding-bottom:3px}.en{color:#667;font-size:11px;font-weight:normal}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #d5d9e0;padding:4px 6px;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:6px}.kpi{border:1px solid #d5d9e0;padding:6px}.kpi b{display:block;font-size:16px}")
            .Append("@media print{body{margin:0}.noprint{display:none}}</style>")
            // The print button's handler is a file of the page: the host's Content-Security-Policy runs no inline script.
            .Append("<script defer src=\"/dashboard/js/report-print.js\"></script></head><body>")
            .Append("<p class=\"noprint\"><button id=\"print\" type=\"button\">打印 / Print</button></p>")
            .Append("<h1 id=\"report-title\">").Append(E(report.Name)).Append(' ').Append(report.FundYear).Append('年').Append(report.Month)
            .Append("月 基金运行分析月报</h1><div class=\"en\">Monthly fund-operation report, ").Append(E(report.Id)).Append(", ")
            .Append(report.FundYear).Append('-').Append(report.Month.ToString("D2", CultureInfo.InvariantCulture)).Append("</div>");

        html.Append("<h2>概况 <span class=\"en\">The month at a glance</span></h2><div class=\"kpis\">");
        Kpi(html, "年度预算", "Annual budget", Wan(report.AnnualBudget));
        Kpi(html, "本月支付 / 计划", "Paid / planned this month", $"{Wan(c.FundPaid)} / {Wan(c.Planned)}");
        Kpi(html, "累计支付", "Paid to month end", Wan(c.CumulativePaid));
        Kpi(html, "支出进度 / 时间进度", "Used / time share", $"{Pct(c.UsedShare)} / {Pct(c.TimeShare)}");
        Kpi(html, "超时间进度", "Ahead of time", c.GapPoints is { } g ? $"{g.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} 个百分点" : "—");
        Kpi(html, "预计年末支出", "Projected year end", $"{Wan(report.ProjectedYearEnd)}（{Pct(report.ProjectedShare)}）");
        Kpi(html, "预计结余（负数为超支）", "Projected balance", Wan(report.YearEnd?.Balance));
        Kpi(html, "本月预警", "Alerts this month", report.Alerts.Count.ToString(CultureInfo.InvariantCulture));
        html.Append("</div>");
        if (report.YearEnd is { } ye)
        {
            html.Append("<p>年终清算预览：").Append(E(ye.RuleZh)).Append("；留用 ").Append(Wan(ye.Retained)).Append("，返还统筹基金 ")
                .Append(Wan(ye.ReturnedToFund)).Append("，超支自担 ").Append(Wan(ye.OverrunBorne)).Append("。<br><span class=\"en\">")
                .Append(E(ye.RuleEn)).Append("</span></p>");
        }

        html.Append("<h2>逐月支出 <span class=\"en\">Month by month</span></h2><table id=\"report-months\"><thead><tr><th>月份</th>")
            .Append("<th class=\"n\">支付</th><th class=\"n\">计划</th><th class=\"n\">结算笔数</th><th class=\"n\">累计支付</th>")
            .Append("<th class=\"n\">支出进度</th><th class=\"n\">时间进度</th><th class=\"n\">超时间进度（个百分点）</th></tr></thead><tbody>");
        foreach (var m in report.Months)
        {
            html.Append("<tr><td>").Append(m.Month).Append("月</td><td class=\"n\">").Append(Wan(m.FundPaid)).Append("</td><td class=\"n\">")
                .Append(Wan(m.Planned)).Append("</td><td class=\"n\">").Append(m.Claims.ToString("N0", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"n\">").Append(Wan(m.CumulativePaid)).Append("</td><td class=\"n\">").Append(Pct(m.UsedShare))
                .Append("</td><td class=\"n\">").Append(Pct(m.TimeShare)).Append("</td><td class=\"n\">")
                .Append(m.GapPoints?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "—").Append("</td></tr>");
        }

        html.Append("</tbody></table><h2>本月预警 <span class=\"en\">Alerts of the month</span></h2>");
        if (report.Alerts.Count == 0)
        {
            html.Append("<p id=\"report-alerts\">本月无预警。<span class=\"en\">No alerts this month.</span></p>");
        }
        else
        {
            html.Append("<table id=\"report-alerts\"><thead><tr><th>日期</th><th>级别</th><th>内容</th><th>状态</th></tr></thead><tbody>");
            foreach (var a in report.Alerts)
            {
                html.Append("<tr><td>").Append(a.AsOf.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(MonthlyReportText.SeverityZh(a.Severity)).Append("</td><td>").Append(E(a.MessageZh))
                    .Append("</td><td>").Append(E(MonthlyReportText.StatusZh(a.Status))).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (report.Cases is { } cases)
        {
            html.Append("<h2>稽核案件 <span class=\"en\">Inspection cases</span></h2><table id=\"report-cases\"><tbody>");
            Row(html, "本月立案", "Opened this month", $"{cases.Opened} 件，涉及金额 {Wan(cases.OpenedAtStake)}");
            Row(html, "本月办结", "Decided this month", $"{cases.Decided} 件（确认 {cases.Confirmed} 件，不予认定 {cases.Dismissed} 件）");
            Row(html, "本月追回", "Recovered this month", Wan(cases.Recovered));
            Row(html, "在办案件", "Cases still open", $"{cases.Active} 件，涉及金额 {Wan(cases.ActiveAtStake)}");
            html.Append("</tbody></table>");
        }

        html.Append("<p class=\"en\">金额单位：万元 · Amounts in 10,000 yuan · 数据截至 ")
            .Append(report.AsOf?.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—")
            .Append("（结算时间 settlement time）</p></body></html>");
        return html.ToString();
    }

    private static void Kpi(StringBuilder html, string zh, string en, string value) =>
        html.Append("<div class=\"kpi\">").Append(E(zh)).Append(" <span class=\"en\">").Append(E(en)).Append("</span><b>").Append(E(value)).Append("</b></div>");

    private static void Row(StringBuilder html, string zh, string en, string value) =>
        html.Append("<tr><th>").Append(E(zh)).Append(" <span class=\"en\">").Append(E(en)).Append("</span></th><td class=\"n\">").Append(E(value)).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Wan(decimal? yuan) =>
        yuan is { } v ? (v / 10_000m).ToString("#,##0.00", CultureInfo.InvariantCulture) + "万元" : "—";

    private static string Pct(decimal? share) => share is { } s ? (s * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
