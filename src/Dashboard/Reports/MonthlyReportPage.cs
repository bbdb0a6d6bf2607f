using System.Globalization;
using System.Net;
using System.Text;
using Monitoring.Reports;

namespace Monitoring.Dashboard.Reports;

/// <summary>
/// The monthly report as a printable page (A4) in one language (<see cref="ReportLanguage"/>): the same figures as the
/// workbook. Every value is HTML-encoded: names and messages come from the registry and the feeds.
/// </summary>
public static class MonthlyReportPage
{
    public static string Render(MonthlyFundReport report) => Render(report, ReportLanguage.Chinese);

    public static string Render(MonthlyFundReport report, ReportLanguage lang)
    {
        var c = report.Current;
        var html = new StringBuilder();
        var title = lang.T($"{report.Name} {report.FundYear}年{report.Month}月 基金运行分析月报",
            $"{report.Name} monthly fund-operation report, {report.FundYear}-{report.Month:D2}");
        html.Append("<!doctype html><html lang=\"").Append(lang.Html).Append("\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title><style>")
            .Append("@page{size:A4;margin:16mm}body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;color:#1f2933;margin:24px;font-size:13px}")
            .Append("h1{font-size:20px;margin:0}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #ccd;padding-bottom:3px}.sub{color:#667;font-size:11px}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #d5d9e0;padding:4px 6px;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}")
            // Heads, dates, levels, statuses and amounts each stay on one line; on a phone a wide table scrolls inside its
            // own box rather than the page sideways, and the figures stack in one column.
            .Append("td.k,th.k,td.n,th.n{white-space:nowrap}.scroll{overflow-x:auto}")
            .Append(".kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:6px}.kpi{border:1px solid #d5d9e0;padding:6px}.kpi b{display:block;font-size:16px}")
            .Append("@media (max-width:700px){body{margin:12px}.kpis{grid-template-columns:1fr}}")
            .Append(".why{color:#8a4b00}@media print{body{margin:0}.noprint{display:none}}</style>")
            // The print button's handler is a file of the page: the host's Content-Security-Policy runs no inline script.
            .Append("<script defer src=\"/dashboard/js/report-print.js\"></script></head><body>")
            .Append("<p class=\"noprint\"><button id=\"print\" type=\"button\">").Append(lang.T("打印", "Print")).Append("</button></p>")
            .Append("<h1 id=\"report-title\">").Append(E(title)).Append("</h1><div class=\"sub\">").Append(E(report.Id)).Append("</div>");

        html.Append("<h2>").Append(lang.T("概况", "The month at a glance")).Append("</h2><div class=\"kpis\">");
        Kpi(html, lang.T("年度预算", "Annual budget"), Wan(report.AnnualBudget, lang));
        Kpi(html, lang.T("本月支付 / 计划（至同一时点）", "Paid / planned this month (to the same moment)"), $"{Wan(c.FundPaid, lang)} / {Wan(c.Planned, lang)}");
        Kpi(html, lang.T("累计支付", "Paid to date"), Wan(c.CumulativePaid, lang));
        Kpi(html, lang.T("支出进度 / 时间进度", "Used / time share"), $"{Pct(c.UsedShare)} / {Pct(c.TimeShare)}");
        Kpi(html, lang.T("超时间进度", "Ahead of time"), c.GapPoints is { } g ? $"{g.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} {lang.T("个百分点", "points")}" : "—");
        Kpi(html, lang.T("预计年末支出", "Projected year end"), $"{Wan(report.ProjectedYearEnd, lang)}（{Pct(report.ProjectedShare)}）");
        Kpi(html, lang.T("预计结余（负数为超支）", "Projected balance (negative: overrun)"), Wan(report.ProjectedBalance, lang));
        Kpi(html, lang.T("本月预警", "Alerts this month"), report.Alerts.Count.ToString(CultureInfo.InvariantCulture));
        html.Append("</div>");
        if (report.NormalDespiteProjectedOverrun)
        {
            // 正常 beside a projected overrun needs its reason on the page: the level is judged on the projection's lower bound.
            html.Append("<p id=\"report-why-normal\" class=\"why\">").Append(E(lang.T(
                $"状态正常：预计年末支出进度 {Pct(report.ProjectedShare)} 超过预算，但预测区间下限为 {Pct(report.ProjectedLowShare)}，尚不足以判定超支预警；请关注后续走势。",
                $"Status normal: the projection reaches {Pct(report.ProjectedShare)} of the budget, but its lower bound is {Pct(report.ProjectedLowShare)}, not yet enough to call an overrun; watch the coming weeks.")))
                .Append("</p>");
        }

        if (report.YearEnd is { } ye)
        {
            html.Append("<p>").Append(E(lang.T(
                $"年终清算预览：{ye.RuleZh}；留用 {Wan(ye.Retained, lang)}，返还统筹基金 {Wan(ye.ReturnedToFund, lang)}，超支自担 {Wan(ye.OverrunBorne, lang)}。",
                $"Year-end preview: {ye.RuleEn}; retained {Wan(ye.Retained, lang)}, returned to the pooled fund {Wan(ye.ReturnedToFund, lang)}, overrun borne {Wan(ye.OverrunBorne, lang)}.")))
                .Append("</p>");
        }

        html.Append("<h2>").Append(lang.T("逐月支出", "Month by month")).Append("</h2><div class=\"scroll\"><table id=\"report-months\"><thead><tr><th class=\"k\">").Append(lang.T("月份", "Month")).Append("</th>")
            .Append("<th class=\"n\">").Append(lang.T("支付", "Paid")).Append("</th><th class=\"n\">").Append(lang.T("计划", "Planned"))
            .Append("</th><th class=\"n\">").Append(lang.T("结算笔数", "Claims")).Append("</th><th class=\"n\">").Append(lang.T("累计支付", "Cumulative"))
            .Append("</th><th class=\"n\">").Append(lang.T("支出进度", "Used share")).Append("</th><th class=\"n\">").Append(lang.T("时间进度", "Time share"))
            .Append("</th><th class=\"n\">").Append(lang.T("超时间进度（个百分点）", "Gap (points)")).Append("</th></tr></thead><tbody>");
        foreach (var m in report.Months)
        {
            html.Append("<tr><td class=\"k\">").Append(lang.T($"{m.Month}月", $"{report.FundYear}-{m.Month:D2}")).Append("</td><td class=\"n\">").Append(Wan(m.FundPaid, lang)).Append("</td><td class=\"n\">")
                .Append(Wan(m.Planned, lang)).Append("</td><td class=\"n\">").Append(m.Claims.ToString("N0", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"n\">").Append(Wan(m.CumulativePaid, lang)).Append("</td><td class=\"n\">").Append(Pct(m.UsedShare))
                .Append("</td><td class=\"n\">").Append(Pct(m.TimeShare)).Append("</td><td class=\"n\">")
                .Append(m.GapPoints?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "—").Append("</td></tr>");
        }

        html.Append("</tbody></table></div><h2>").Append(lang.T("本月预警", "Alerts of the month")).Append("</h2>");
        if (report.Alerts.Count == 0)
        {
            html.Append("<p id=\"report-alerts\">").Append(lang.T("本月无预警。", "No alerts this month.")).Append("</p>");
        }
        else
        {
            html.Append("<div class=\"scroll\"><table id=\"report-alerts\"><thead><tr><th class=\"k\">").Append(lang.T("日期", "Date")).Append("</th><th class=\"k\">")
                .Append(lang.T("级别", "Level")).Append("</th><th>").Append(lang.T("内容", "Message")).Append("</th><th class=\"k\">")
                .Append(lang.T("状态", "Status")).Append("</th></tr></thead><tbody>");
            foreach (var a in report.Alerts)
            {
                html.Append("<tr><td class=\"k\">").Append(a.AsOf.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append("</td><td class=\"k\">").Append(E(MonthlyReportText.Severity(a.Severity, lang))).Append("</td><td>").Append(E(lang.T(a.MessageZh, a.MessageEn)))
                    .Append("</td><td class=\"k\">").Append(E(MonthlyReportText.Status(a.Status, lang))).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        if (report.Cases is { } cases)
        {
            html.Append("<h2>").Append(lang.T("稽核案件", "Inspection cases")).Append("</h2><table id=\"report-cases\"><tbody>");
            Row(html, lang.T("本月立案", "Opened this month"), lang.T($"{cases.Opened} 件，涉及金额 {Wan(cases.OpenedAtStake, lang)}", $"{cases.Opened}, {Wan(cases.OpenedAtStake, lang)} at stake"));
            Row(html, lang.T("本月办结", "Decided this month"), lang.T($"{cases.Decided} 件（确认 {cases.Confirmed} 件，不予认定 {cases.Dismissed} 件）",
                $"{cases.Decided} ({cases.Confirmed} confirmed, {cases.Dismissed} dismissed)"));
            Row(html, lang.T("本月追回", "Recovered this month"), Wan(cases.Recovered, lang));
            Row(html, lang.T("在办案件", "Cases still open"), lang.T($"{cases.Active} 件，涉及金额 {Wan(cases.ActiveAtStake, lang)}", $"{cases.Active}, {Wan(cases.ActiveAtStake, lang)} at stake"));
            html.Append("</tbody></table>");
        }

        html.Append("<p class=\"sub\">").Append(lang.T("金额单位：万元 · 数据截至 ", "Amounts in 10,000 yuan · as of "))
            .Append(report.AsOf?.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—")
            .Append(lang.T("（结算时间）", " (settlement time)")).Append("</p></body></html>");
        return html.ToString();
    }

    private static void Kpi(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"kpi\">").Append(E(label)).Append("<b>").Append(E(value)).Append("</b></div>");

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th class=\"k\">").Append(E(label)).Append("</th><td class=\"n\">").Append(E(value)).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Wan(decimal? yuan, ReportLanguage lang) =>
        yuan is { } v ? (v / 10_000m).ToString("#,##0.00", CultureInfo.InvariantCulture) + lang.T("万元", " × 10k yuan") : "—";

    private static string Pct(decimal? share) => share is { } s ? (s * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
