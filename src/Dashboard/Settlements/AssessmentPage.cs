using System.Globalization;
using System.Net;
using System.Text;
using Monitoring.Assessment;

namespace Monitoring.Dashboard.Settlements;

/// <summary>
/// The assessment as a page a regulator can print or read (Chinese or English): each indicator against its target with
/// its monthly trend, the score, and the review's steps as the caller may see them. No script (served under a CSP);
/// every value HTML-encoded.
/// </summary>
public static class AssessmentPage
{
    public static string Render(AssessmentDocument d, bool english)
    {
        string T(string zh, string en) => english ? en : zh;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(english ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{d.Name} {d.FundYear} {T("考核", "assessment")}")).Append("</title><style>")
            .Append("@page{size:A4 landscape;margin:12mm}body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;color:#1f2933;margin:20px;font-size:12px}")
            .Append("h1{font-size:18px;margin:0 0 4px}h2{font-size:14px;margin:18px 0 6px;border-bottom:1px solid #ccd}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #d5d9e0;padding:3px 5px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".missed{color:#b42318;font-weight:bold}.met{color:#067647}</style></head><body>");
        html.Append("<h1 id=\"assessment-title\">").Append(E(d.Name)).Append(' ').Append(d.FundYear).Append(' ')
            .Append(T("指标考核", "Assessment against indicators")).Append("</h1><p>")
            .Append(E(T($"统计月份：1–{d.MonthsCounted}月；综合得分：", $"Months counted: 1–{d.MonthsCounted}; score: ")))
            .Append(d.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—");
        if (d.DecidedScore is { } decided)
        {
            html.Append(E(T("；终评得分：", "; decided score: "))).Append(decided.ToString("0.00", CultureInfo.InvariantCulture));
        }

        html.Append("</p><table id=\"assessment-indicators\"><thead><tr><th>").Append(T("指标", "Indicator")).Append("</th><th>")
            .Append(T("目标", "Target")).Append("</th><th>").Append(T("本年", "Year so far")).Append("</th><th>").Append(T("状态", "Status")).Append("</th>");
        for (var m = 1; m <= 12; m++)
        {
            html.Append("<th>").Append(T($"{m}月", CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var i in d.Indicators)
        {
            html.Append("<tr><td>").Append(E(Name(i.Code, english))).Append("</td><td class=\"n\">").Append(i.Direction == "at-most" ? "≤ " : "≥ ")
                .Append(Pct(i.Target)).Append("</td><td class=\"n\">").Append(i.Value is { } v ? Pct(v) : "—").Append("</td><td class=\"")
                .Append(i.Status).Append("\">").Append(E(Status(i.Status, english))).Append("</td>");
            foreach (var month in i.Trend)
            {
                html.Append("<td class=\"n\">").Append(month is { } t ? Pct(t) : "").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (d.Review is { } review)
        {
            html.Append("<h2>").Append(T("医共体自评、县市初评、州级终评", "Self-assessment, county review, prefecture decision")).Append("</h2><table id=\"assessment-review\"><thead><tr><th>")
                .Append(T("步骤", "Step")).Append("</th><th>").Append(T("得分", "Score")).Append("</th><th>").Append(T("当时指标得分", "Indicator score then"))
                .Append("</th><th>").Append(T("提交人", "By")).Append("</th><th>").Append(T("时间", "At")).Append("</th><th>").Append(T("说明", "Notes")).Append("</th></tr></thead><tbody>");
            foreach (var step in review.Steps)
            {
                html.Append("<tr><td>").Append(E(Stage(step.Stage, english))).Append("</td><td class=\"n\">").Append(step.Score.ToString("0.00", CultureInfo.InvariantCulture))
                    .Append("</td><td class=\"n\">").Append(step.IndicatorScore?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—").Append("</td><td>")
                    .Append(E($"{step.Actor} ({step.Scope})")).Append("</td><td>")
                    .Append(step.At.ToOffset(Claims.BudgetClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(E(step.Notes ?? "")).Append("</td></tr>");
            }

            html.Append("</tbody></table><p>").Append(E(SettlementText.Status(review.Status, english))).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Name(string code, bool english) => (code, english) switch
    {
        (IndicatorCodes.AdmissionRate, false) => "住院率",
        (IndicatorCodes.AdmissionRate, true) => "Admission rate of the insured",
        (IndicatorCodes.InCountyRate, false) => "县域内就诊率",
        (IndicatorCodes.InCountyRate, true) => "Treated inside the county",
        (IndicatorCodes.OutOfCountyRate, false) => "县外就医率",
        (IndicatorCodes.OutOfCountyRate, true) => "Treated out of county",
        (IndicatorCodes.PrimaryShare, false) => "基层就诊占比",
        (IndicatorCodes.PrimaryShare, true) => "Primary-level share",
        (IndicatorCodes.CostGrowth, false) => "费用增长率",
        (IndicatorCodes.CostGrowth, true) => "Cost growth (annualised)",
        (IndicatorCodes.DrgGroupingRate, false) => "DRG入组率",
        (IndicatorCodes.DrgGroupingRate, true) => "DRG grouping rate",
        (IndicatorCodes.DrgFundShare, false) => "DRG付费占住院基金比例",
        (IndicatorCodes.DrgFundShare, true) => "DRG share of the inpatient fund",
        _ => code,
    };

    private static string Status(string status, bool english) => (status, english) switch
    {
        ("met", false) => "达标",
        ("missed", false) => "未达标",
        (_, false) => "无数据",
        ("met", true) => "met",
        ("missed", true) => "missed",
        _ => "no data",
    };

    private static string Stage(string stage, bool english) => (stage, english) switch
    {
        (AssessmentStage.SelfAssessment, false) => "医共体自评",
        (AssessmentStage.CountyReview, false) => "县级初评",
        (AssessmentStage.PrefectureDecision, false) => "州级终评",
        (AssessmentStage.SelfAssessment, true) => "self-assessment",
        (AssessmentStage.CountyReview, true) => "county review",
        _ => "prefecture decision",
    };

    private static string Pct(decimal percent) => percent.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
