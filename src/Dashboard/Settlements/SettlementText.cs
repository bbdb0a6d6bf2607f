namespace Monitoring.Dashboard.Settlements;

/// <summary>The words of a statement, in Chinese or English: the workbook carries both, the printable page one.</summary>
public static class SettlementText
{
    public static string Basis(string basis, bool english) => (basis, english) switch
    {
        ("advance", false) => "预拨制（月初预拨打包资金）",
        ("advance", true) => "paid in advance (the package advanced at the start of each month)",
        ("after-the-fact", false) => "后付制（按月据实结算）",
        ("after-the-fact", true) => "paid after the fact (the month's claims)",
        (_, false) => "紧密型医共体成员：由医共体在打包资金内结算",
        _ => "member of a tight alliance: settled by the alliance within its package",
    };

    public static string Status(string? status, bool english) => (status, english) switch
    {
        (null or "open", false) => "未开始",
        (null or "open", true) => "not begun",
        ("self-assessed", false) => "已自评，待县级初评",
        ("self-assessed", true) => "self-assessed, awaiting the county's review",
        ("reviewed", false) => "已初评，待州级终评",
        ("reviewed", true) => "reviewed, awaiting the prefecture's decision",
        (_, false) => "已终评",
        _ => "decided",
    };

    /// <summary>The month table's columns: Chinese, English.</summary>
    public static IReadOnlyList<(string Zh, string En)> MonthColumns { get; } =
    [
        ("月份", "Month"), ("结算笔数", "Claims"), ("本月记账支出", "Charged this month"), ("其中院外就医", "of which treated outside"),
        ("成员提供", "Provided by members"), ("其中异地参保", "of which insured elsewhere"), ("年初预付", "Prepayment"),
        ("预拨", "Advance"), ("后付", "After the fact"), ("预留保证金", "Reserve withheld"), ("本月拨付", "Paid"),
        ("累计支出", "Spend to date"), ("包干余额", "Balance against package"),
    ];

    /// <summary>The final settlement's lines: Chinese, English, and the value's place in the document.</summary>
    public static IReadOnlyList<(string Zh, string En, Func<SettlementDocument, decimal?> Value)> FinalLines { get; } =
    [
        ("年度预算/打包总额", "Budget / package", d => d.Final.Budget),
        ("年度支出", "Spend", d => d.Final.Spend),
        ("结余（负数为超支）", "Balance (negative: overrun)", d => d.Final.Balance),
        ("结余留用", "Surplus retained", d => d.Final.Retained),
        ("结余留归统筹基金", "Surplus returned to the fund", d => d.Final.ReturnedToFund),
        ("超支自担", "Overrun borne", d => d.Final.OverrunBorne),
        ("应得额", "Entitlement", d => d.Final.Entitlement),
        ("年内已拨付", "Paid during the year", d => d.Final.PaidDuringYear),
        ("年初预付冲抵", "Prepayment offset", d => d.Final.Prepayment),
        ("预留保证金", "Reserve withheld", d => d.Final.ReserveWithheld),
        ("考核得分", "Assessment score", d => d.Final.Score),
        ("按考核返还保证金", "Reserve returned by score", d => d.Final.ReserveReturned),
        ("扣留保证金", "Reserve kept by the fund", d => d.Final.ReserveForfeited),
        ("决算应拨付（负数为追回）", "Final payment (negative: recovered)", d => d.Final.FinalPayment),
        ("全年拨付合计", "Total paid for the year", d => d.Final.TotalPaid),
    ];

    public static decimal?[] MonthValues(Monitoring.Settlements.PreSettlementMonth m) =>
        [m.Claims, m.FundPaid, m.TreatedOutside, m.Provided, m.ProvidedElsewhere, m.Prepayment, m.Advance, m.AfterTheFact, m.ReserveWithheld,
            m.Paid, m.CumulativeSpend, m.RunningBalance];
}
