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
        var gap = (reading.UsedShare - reading.TimeShare) * 100;
        var used = Percent(reading.UsedShare);
        var time = Percent(reading.TimeShare);
        var projected = Percent(reading.ProjectedShare, "0");
        var window = thresholds.ProjectionWindowDays;
        var (zh, en) = transition switch
        {
            AlertTransition.Cleared => (
                $"{account.Name}：基金使用进度{used}已回落至时间进度{time}附近，预警解除。",
                $"{account.Name}: spending is back in line with the budget ({used} used, {time} of the year gone); alert cleared."),
            AlertTransition.Eased => (
                $"{account.Name}：基金使用进度{used}，时间进度{time}（{Signed(gap)}个百分点），超支势头减缓，预警降为{Zh(level)}。",
                $"{account.Name}: {used} of the budget used against {time} of the year ({Signed(gap)} points); easing to {En(level)}."),
            _ => (
                $"{account.Name}：基金使用进度{used}，{(gap >= 0 ? "超过" : "对比")}时间进度{time}（{Signed(gap)}个百分点）；按近{window}天支出推算，全年将达预算的{projected}。{Zh(level)}，请核查支出。",
                $"{account.Name}: {used} of the annual budget used against {time} of the year gone ({Signed(gap)} points); at the last {window} days' rate the year ends at {projected} of budget. Level: {En(level)}."),
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
            projectionReliable = reading.ProjectionReliable,
            projectionWindowDays = window,
            level = level?.ToString().ToLowerInvariant(),
            previousLevel = previous?.ToString().ToLowerInvariant(),
            thresholds = new
            {
                noticeGapPoints = thresholds.NoticeGapPoints,
                warningGapPoints = thresholds.WarningGapPoints,
                criticalProjectionPercent = thresholds.CriticalProjectionPercent,
                hysteresisPoints = thresholds.HysteresisPoints,
            },
        });
    }

    public static Alert Exhausted(FundAccountProfile account, PaceReading reading, AlertTransition transition, DateTimeOffset raisedAt)
    {
        var paid = Yuan(reading.FundPaid);
        var budget = Yuan(reading.AnnualBudget);
        var (zh, en) = transition == AlertTransition.Cleared
            ? ($"{account.Name}：冲销后基金支付{paid}元回落至年度预算{budget}元以内，预算用尽预警解除。",
               $"{account.Name}: after reversals fund pay of {paid} yuan is back under the annual budget of {budget} yuan; cleared.")
            : ($"{account.Name}：年度预算已用尽，基金已支付{paid}元，预算{budget}元，此后支出均为超支。",
               $"{account.Name}: the annual budget is used up: {paid} yuan paid against a budget of {budget} yuan; all further spend is overrun.");
        return Build(AlertKinds.BudgetExhausted, account, reading,
            transition == AlertTransition.Cleared ? AlertSeverity.Notice : AlertSeverity.Critical, transition, zh, en, raisedAt, new
            {
                day = reading.Day,
                annualBudget = reading.AnnualBudget,
                fundPaid = reading.FundPaid,
                usedShare = reading.UsedShare,
                timeShare = reading.TimeShare,
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

    private static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Zh(AlertSeverity? level) => level switch
    {
        AlertSeverity.Critical => "严重预警",
        AlertSeverity.Warning => "预警",
        _ => "提示",
    };

    private static string En(AlertSeverity? level) => level?.ToString().ToLowerInvariant() ?? "notice";
}
