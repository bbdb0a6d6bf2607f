using System.Globalization;
using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Registry;

namespace Monitoring.Pace;

/// <summary>
/// Words and evidence of the budget alerts: a sentence a regulator can act on in Chinese and English, and the figures
/// behind it. The id is derived from what the alert is about (account, day, transition), so evaluating the same
/// claims again — after a crash, or a replay — yields the same alert, which the store keeps once.
/// </summary>
public static class BudgetPaceAlerts
{
    public static Alert Pace(FundAccountProfile account, PaceReading reading, AlertSeverity? level, AlertSeverity? previous,
        AlertTransition transition, PaceThresholds thresholds, DateTimeOffset raisedAt)
    {
        var gap = reading.GapPoints;
        var used = Percent(reading.UsedShare);
        var time = Percent(reading.TimeShare);
        var projected = Percent(reading.ProjectedShare);
        var low = Percent(reading.ProjectionEvidenceShare);
        var paid = Wan(reading.FundPaid);
        var budget = Wan(reading.AnnualBudget);
        var paidEn = Million(reading.FundPaid);
        var budgetEn = Million(reading.AnnualBudget);
        var date = $"{reading.Day.Year}年{reading.Day.Month}月{reading.Day.Day}日";
        var dateEn = reading.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var projection = reading.ProjectionReliable
            ? ($"预计全年支出{Wan(reading.ProjectedYearEnd)}万元，为预算的{projected}（可信下限{low}）。",
               $" The year is projected to end at {Million(reading.ProjectedYearEnd)}, {projected} of budget (lower bound {low}).")
            : ("数据尚不足以推算全年。", " Too little data yet to project the year.");
        var (zh, en) = transition switch
        {
            AlertTransition.Cleared => (
                $"{account.Name}：截至{date}，基金已支付{paid}万元（年度预算{budget}万元的{used}），时间进度{time}，已回落至正常范围，预警解除。",
                $"{account.Name}: as of {dateEn}, {paidEn} paid, {used} of the {budgetEn} budget against {time} of the year gone; back in line, alert cleared."),
            AlertTransition.Eased => (
                $"{account.Name}：截至{date}，基金已支付{paid}万元（年度预算{budget}万元的{used}），时间进度{time}（{Signed(gap)}个百分点），超支势头减缓，预警降为{Zh(level)}。{projection.Item1}",
                $"{account.Name}: as of {dateEn}, {paidEn} paid, {used} of the {budgetEn} budget against {time} of the year gone ({Signed(gap)} points); easing to {En(level)}.{projection.Item2}"),
            _ => (
                $"{account.Name}：截至{date}，基金已支付{paid}万元，占年度预算{budget}万元的{used}，{(gap >= 0 ? "超过" : "对比")}时间进度{time}（{Signed(gap)}个百分点）。{projection.Item1}{Zh(level)}，请核查支出。",
                $"{account.Name}: as of {dateEn}, {paidEn} paid, {used} of the annual budget of {budgetEn} against {time} of the year gone ({Signed(gap)} points).{projection.Item2} Level: {En(level)}."),
        };
        return Build(AlertKinds.BudgetPace, account, reading, level ?? AlertSeverity.Notice, transition, zh, en, raisedAt, new
        {
            day = reading.Day,
            annualBudget = reading.AnnualBudget,
            expectedToDate = reading.ExpectedToDate,
            fundPaid = reading.FundPaid,
            usedShare = reading.UsedShare,
            timeShare = reading.TimeShare,
            gapPoints = decimal.Round(gap, 2),
            projectedYearEnd = reading.ProjectedYearEnd,
            projectedShare = reading.ProjectedShare,
            projectedLowShare = reading.ProjectionEvidenceShare,
            projectionReliable = reading.ProjectionReliable,
            projectionWindowDays = thresholds.ProjectionWindowDays,
            credibility = reading.Credibility,
            windowClaims = reading.WindowClaims,
            level = level?.ToString().ToLowerInvariant(),
            previousLevel = previous?.ToString().ToLowerInvariant(),
            thresholds = new
            {
                noticeGapPoints = thresholds.NoticeGapPoints,
                warningGapPoints = thresholds.WarningGapPoints,
                noticeProjectionPercent = thresholds.NoticeProjectionPercent,
                criticalProjectionPercent = thresholds.CriticalProjectionPercent,
                hysteresisPoints = thresholds.HysteresisPoints,
                minimumDwellDays = thresholds.MinimumDwellDays,
            },
        });
    }

    public static Alert Exhausted(FundAccountProfile account, PaceReading reading, AlertTransition transition, DateTimeOffset raisedAt)
    {
        var paid = Wan(reading.FundPaid);
        var budget = Wan(reading.AnnualBudget);
        var date = $"{reading.Day.Year}年{reading.Day.Month}月{reading.Day.Day}日";
        var dateEn = reading.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (zh, en) = transition == AlertTransition.Cleared
            ? ($"{account.Name}：截至{date}，冲销后基金支付{paid}万元回落至年度预算{budget}万元以内，预算用尽预警解除。",
               $"{account.Name}: as of {dateEn}, after reversals fund pay of {Million(reading.FundPaid)} is back under the annual budget of {Million(reading.AnnualBudget)}; cleared.")
            : ($"{account.Name}：{date}年度预算已用尽，基金已支付{paid}万元，预算{budget}万元，此后支出均为超支。",
               $"{account.Name}: on {dateEn} the annual budget is used up: {Million(reading.FundPaid)} paid against a budget of {Million(reading.AnnualBudget)}; all further spend is overrun.");
        return Build(AlertKinds.BudgetExhausted, account, reading,
            transition == AlertTransition.Cleared ? AlertSeverity.Notice : AlertSeverity.Critical, transition, zh, en, raisedAt, new
            {
                day = reading.Day,
                annualBudget = reading.AnnualBudget,
                fundPaid = reading.FundPaid,
                usedShare = reading.UsedShare,
                timeShare = reading.TimeShare,
                gapPoints = decimal.Round(reading.GapPoints, 2),
            });
    }

    private static Alert Build(string kind, FundAccountProfile account, PaceReading reading, AlertSeverity severity,
        AlertTransition transition, string zh, string en, DateTimeOffset raisedAt, object evidence) => new()
    {
        AlertId = $"{kind}/{account.Level}/{account.Id}/{reading.Day:yyyyMMdd}/{transition.ToString().ToLowerInvariant()}",
        Kind = kind,
        Severity = severity,
        Transition = transition,
        SubjectLevel = account.Level,
        SubjectId = account.Id,
        CountyId = account.CountyId,
        RegionId = account.RegionId,
        AllianceId = account.AllianceId,
        HospitalId = account.Level == FundLevel.Hospital ? account.Id : null,
        RaisedAt = raisedAt,
        AsOf = new DateTimeOffset(reading.Day.ToDateTime(new TimeOnly(23, 59, 59)), Claims.BudgetClock.ChinaOffset),
        MessageZh = zh,
        MessageEn = en,
        EvidenceJson = JsonSerializer.Serialize(evidence),
    };

    private static string Percent(decimal share, string format = "0.0") =>
        (share * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static string Signed(decimal points) => (points >= 0 ? "+" : "") + points.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Amounts in 万元 (ten thousand yuan), the unit budgets are set and read in.</summary>
    /// <summary>Amounts in million yuan for English readers, who do not count in 万.</summary>
    private static string Million(decimal amount) => "¥" + (amount / 1_000_000m).ToString("#,0.00", CultureInfo.InvariantCulture) + "M";

    private static string Wan(decimal amount) => (amount / 10_000m).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Zh(AlertSeverity? level) => level switch
    {
        AlertSeverity.Critical => "严重预警",
        AlertSeverity.Warning => "预警",
        _ => "提示",
    };

    private static string En(AlertSeverity? level) => level?.ToString().ToLowerInvariant() ?? "notice";
}
