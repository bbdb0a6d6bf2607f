using System.Globalization;
using System.Net;
using System.Text;

namespace Monitoring.Dashboard.Settlements;

/// <summary>
/// A statement as a printable page (A4), in Chinese or English: the terms, the twelve monthly pre-settlements and the
/// final settlement. No script at all (the page is served under a CSP); every value is HTML-encoded, since names come
/// from the registry.
/// </summary>
public static class SettlementPage
{
    public static string Render(SettlementDocument d, bool english)
    {
        string T(string zh, string en) => english ? en : zh;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(english ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{d.Name} {d.FundYear} {T("结算单", "settlement statement")}")).Append("</title><style>")
            .Append("@page{size:A4 landscape;margin:12mm}body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;color:#1f2933;margin:20px;font-size:12px}")
            .Append("h1{font-size:18px;margin:0 0 4px}h2{font-size:14px;margin:18px 0 6px;border-bottom:1px solid #ccd}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #d5d9e0;padding:3px 5px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".note{color:#8a4b00}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{color:#52606d}dd{margin:0}</style></head><body>");
        html.Append("<h1 id=\"statement-title\">").Append(E(d.Name)).Append(' ').Append(d.FundYear).Append(' ')
            .Append(T("按月预结与综合决算", "Monthly pre-settlement and final settlement")).Append("</h1>");
        html.Append("<dl>");
        Term(html, T("对象", "Account"), $"{d.Level} {d.Id}");
        Term(html, T("结算方式", "Basis"), SettlementText.Basis(d.Basis, english));
        Term(html, T("年度预算/打包总额（元）", "Budget / package (yuan)"), Money(d.Budget));
        if (d.PerCapitaPackage is { } perHead)
        {
            Term(html, T("按人头打包", "Per head"), $"{Money(perHead)} × {d.InsuredPopulation?.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        Term(html, T("预拨比例 / 保证金比例 / 年初预付月数", "Advance share / reserve share / prepayment months"),
            $"{Pct(d.Terms.AdvanceShare)} / {Pct(d.Terms.ReserveShare)} / {d.Terms.PrepaymentMonths}");
        Term(html, T("院外就医从打包资金支付", "Care outside paid from the package"), d.Terms.OutsideTreatmentFromPackage ? T("是", "yes") : T("否", "no"));
        Term(html, T("考核", "Assessment"), SettlementText.Status(d.AssessmentStatus, english));
        html.Append("</dl>");

        html.Append("<h2>").Append(T("按月预结（元）", "Monthly pre-settlement (yuan)")).Append("</h2><table id=\"statement-months\"><thead><tr>");
        foreach (var column in SettlementText.MonthColumns)
        {
            html.Append("<th>").Append(E(english ? column.En : column.Zh)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var m in d.Months)
        {
            html.Append("<tr><td>").Append(d.FundYear).Append('-').Append(m.Month.ToString("D2", CultureInfo.InvariantCulture)).Append("</td>");
            var values = SettlementText.MonthValues(m);
            html.Append("<td class=\"n\">").Append(m.Claims.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var value in values.Skip(1))
            {
                html.Append("<td class=\"n\">").Append(Money(value)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table><h2>").Append(T("综合决算（元）", "Final settlement (yuan)")).Append("</h2>")
            .Append("<p>").Append(E(english ? d.Final.RuleEn : d.Final.RuleZh)).Append("</p><table id=\"statement-final\"><tbody>");
        foreach (var line in SettlementText.FinalLines)
        {
            html.Append("<tr><th>").Append(E(english ? line.En : line.Zh)).Append("</th><td class=\"n\">")
                .Append(line.Zh == "考核得分" ? line.Value(d)?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—" : Money(line.Value(d))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (d.Final.Provisional)
        {
            html.Append("<p class=\"note\">").Append(T("考核尚未终评：暂按保证金全额返还测算。", "The assessment is not yet decided: reckoned with the reserve returned in full.")).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Term(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    private static string Money(decimal? yuan) => yuan is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "—";

    private static string Pct(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
