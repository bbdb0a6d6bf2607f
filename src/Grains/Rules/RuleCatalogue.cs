using Monitoring.LowThreshold;
using Monitoring.Pace;
using Monitoring.Readmission;
using Monitoring.Upcoding;

namespace Monitoring.Rules;

/// <summary>
/// The rules the system judges, described as the library holds them, with today's start-up options as their seeded
/// defaults (version 1, every region) and each configured county override as a seeded county version: upgrading to
/// the library changes no judgement.
/// </summary>
public static class RuleCatalogue
{
    /// <summary>When seeded versions are in force from: always.</summary>
    public static readonly DateOnly Always = DateOnly.MinValue;

    public static RuleDefinition[] Rules(ReadmissionOptions readmission, BudgetPaceOptions pace, UpcodingOptions upcoding, LowThresholdOptions lowThreshold)
    {
        var r = readmission.Defaults;
        var b = pace.Defaults;
        return
        [
            new RuleDefinition
            {
                RuleId = RuleIds.SplitHospitalization, NameZh = "分解住院", NameEn = "Split hospitalization",
                SceneZh = "住院结算：同一患者出院后短期内因同一病种或同一 ADRG 再次入院", SceneEn = "Inpatient settlement: a patient readmitted soon after discharge for the same condition or ADRG",
                Stage = RuleStages.During,
                LogicZh = "出院后 windowDays 天内再入院、同一病种（ICD-10 类目）或同一 ADRG、非计划性重复治疗（Z51、Z49）、首次非死亡出院，视为疑似分解住院。",
                LogicEn = "A readmission within windowDays of discharge, same ICD-10 category or ADRG, neither stay planned repeated treatment (Z51, Z49), the first not ending in death, is a suspect split.",
                Parameters =
                [
                    new("windowDays", "再入院时间窗", "Readmission window", "days", 1, r.RetentionDays, r.WindowDays, true),
                    new("criticalMaxDays", "严重等级上限", "Critical up to", "days", 0, 30, r.CriticalMaxDays, true),
                    new("warningMaxDays", "警告等级上限", "Warning up to", "days", 1, r.RetentionDays, r.WarningMaxDays, true),
                ],
                Grades =
                [
                    new("critical", "间隔 ≤ criticalMaxDays 天", "interval ≤ criticalMaxDays days"),
                    new("warning", "间隔 ≤ warningMaxDays 天，或有加重情形", "interval ≤ warningMaxDays days, or an aggravating sign"),
                    new("notice", "间隔 ≤ windowDays 天", "interval ≤ windowDays days"),
                ],
                WindowEn = "windowDays after the first discharge, judged on the later settlement's date",
                ReadAtRunTime = true,
            },
            new RuleDefinition
            {
                RuleId = RuleIds.ReadmissionRate, NameZh = "再入院率异常", NameEn = "Readmission rate",
                SceneZh = "医疗机构再入院率高于同级机构", SceneEn = "A hospital's readmissions above its peers'",
                Stage = RuleStages.During,
                LogicZh = "医院疑似分解住院对数相对按同级再入院率应有数的累积和检验超过阈值。",
                LogicEn = "A CUSUM of the hospital's suspect pairs against what its peers' rate leads one to expect passes the threshold.",
                Parameters =
                [
                    new("rateWindowDays", "再入院率统计窗口", "Rate window", "days", 7, 366, r.RateWindowDays, true),
                    new("rateShiftRatio", "检测倍数", "Shift ratio", "×", 1.1m, 10, (decimal)r.RateShiftRatio, false),
                    new("rateMinRunPairs", "最少对数", "Minimum pairs", "pairs", 1, 1000, r.RateMinRunPairs, true),
                ],
                Grades = [new("warning", "检验超过阈值", "the test passes its threshold")],
                WindowEn = "rateWindowDays of settlement time",
            },
            new RuleDefinition
            {
                RuleId = RuleIds.BudgetPace, NameZh = "基金支出进度", NameEn = "Budget pace",
                SceneZh = "县级基金、医共体、医院的支出进度与时间进度", SceneEn = "Spend against the share of the year gone, for county funds, alliances and hospitals",
                Stage = RuleStages.During,
                LogicZh = "支出进度超过时间进度的百分点（阶梯）或年末预测的置信下限超过预算比例。",
                LogicEn = "The used share runs ahead of the time share by points (the ladder), or the projection's lower bound passes a share of the budget.",
                Parameters =
                [
                    // Above the hysteresis band, or a notice could never clear: it eases only once the gap is back under notice less the band.
                    new("noticeGapPoints", "提示差距", "Notice gap", "points", b.HysteresisPoints + 0.5m, 50, b.NoticeGapPoints, false),
                    new("warningGapPoints", "警告差距", "Warning gap", "points", 1, 100, b.WarningGapPoints, false),
                    new("criticalProjectionPercent", "严重预测比例", "Critical projection", "%", 100, 200, b.CriticalProjectionPercent, false),
                    new("noticeProjectionPercent", "提示预测比例", "Notice projection", "%", 100, 200, b.NoticeProjectionPercent, false),
                ],
                Grades =
                [
                    new("notice", "差距 ≥ noticeGapPoints 或预测 ≥ noticeProjectionPercent", "gap ≥ noticeGapPoints or projection ≥ noticeProjectionPercent"),
                    new("warning", "差距 ≥ warningGapPoints 或预测 ≥ criticalProjectionPercent", "gap ≥ warningGapPoints or projection ≥ criticalProjectionPercent"),
                    new("critical", "预测 ≥ criticalProjectionPercent 且差距 ≥ noticeGapPoints", "projection ≥ criticalProjectionPercent and gap ≥ noticeGapPoints"),
                ],
                WindowEn = "the budget year; projection over the last projection-window days",
                ReadAtRunTime = true,
            },
            new RuleDefinition
            {
                RuleId = RuleIds.BudgetExhausted, NameZh = "预算用尽", NameEn = "Budget exhausted",
                SceneZh = "统筹支付达到全年预算", SceneEn = "Fund paid reaches the whole annual budget",
                Stage = RuleStages.During,
                LogicZh = "累计统筹支付达到全年预算，在造成越线的结算上判定。", LogicEn = "Fund paid to date reaches the year's budget, judged on the claim that crosses it.",
                Parameters = [],
                Grades = [new("critical", "支付 ≥ 预算", "fund paid ≥ budget")],
                WindowEn = "the budget year",
            },
            new RuleDefinition
            {
                RuleId = RuleIds.Upcoding, NameZh = "高套编码", NameEn = "Upcoding",
                SceneZh = "医院病例向高严重度 DRG 漂移", SceneEn = "A hospital's cases drifting into heavier-severity DRGs",
                Stage = RuleStages.After,
                LogicZh = "医院重症（1、3 位）占比相对自身基线和同级机构的累积和检验。", LogicEn = "A CUSUM of the hospital's severe share (digits 1 and 3) against its own baseline and its peers.",
                Parameters =
                [
                    new("shiftFraction", "检测漂移", "Shift fraction", "share", 0.01m, 0.99m, (decimal)upcoding.ShiftFraction, false),
                    new("threshold", "检验阈值", "Threshold", "log-likelihood", 0.5m, 50, (decimal)upcoding.Threshold, false),
                    new("baselineWeeks", "基线周数", "Baseline weeks", "weeks", 1, 26, upcoding.BaselineWeeks, true),
                ],
                Grades = [new("warning", "检验超过阈值", "the test passes its threshold"), new("critical", "超过阈值 × 升级倍数", "past threshold × escalation factor")],
                WindowEn = "settlement weeks against a baselineWeeks baseline",
            },
            new RuleDefinition
            {
                RuleId = RuleIds.LowThresholdAdmission, NameZh = "降低住院指征", NameEn = "Low-threshold admission",
                SceneZh = "医院短、低费用住院增多", SceneEn = "A hospital admitting more short, cheap stays",
                Stage = RuleStages.After,
                LogicZh = "住院 ≤ maxLengthOfStayDays 天且费用低于 ADRG 中位数的一定比例的住院占比检验。", LogicEn = "A test of the share of stays of at most maxLengthOfStayDays costing under a fraction of their ADRG's median.",
                Parameters =
                [
                    new("maxLengthOfStayDays", "短住院天数", "Short stay", "days", 1, 30, lowThreshold.MaxLengthOfStayDays, true),
                    new("maxCostFractionOfMedian", "低费用比例", "Cheap fraction", "share", 0.05m, 1, (decimal)lowThreshold.MaxCostFractionOfMedian, false),
                    new("cusumThreshold", "检验阈值", "Threshold", "log-likelihood", 0.5m, 50, (decimal)lowThreshold.CusumThreshold, false),
                ],
                Grades = [new("warning", "检验超过阈值", "the test passes its threshold")],
                WindowEn = "settlement weeks against a baseline",
            },
        ];
    }

    /// <summary>The seed history: version 1 of every rule for every region, then one county version per configured override.</summary>
    public static RuleEvent[] Seeds(RuleDefinition[] rules, ReadmissionOptions readmission, BudgetPaceOptions pace, DateTimeOffset at)
    {
        var events = new List<RuleEvent>();
        foreach (var rule in rules)
        {
            events.Add(Seed(rule.RuleId, 1, RuleLibrary.EveryRegion, rule.Defaults(), at));
        }

        events.AddRange(CountySeeds(RuleIds.SplitHospitalization, readmission.Counties, t => new(StringComparer.Ordinal)
        {
            ["windowDays"] = t.WindowDays, ["criticalMaxDays"] = t.CriticalMaxDays, ["warningMaxDays"] = t.WarningMaxDays,
        }, at));
        events.AddRange(CountySeeds(RuleIds.BudgetPace, pace.Counties, t => new(StringComparer.Ordinal)
        {
            ["noticeGapPoints"] = t.NoticeGapPoints, ["warningGapPoints"] = t.WarningGapPoints,
            ["criticalProjectionPercent"] = t.CriticalProjectionPercent, ["noticeProjectionPercent"] = t.NoticeProjectionPercent,
        }, at));
        return [.. events];
    }

    /// <summary>One version per configured county override, numbered from 2 after the region-wide seed, in county order.</summary>
    private static IEnumerable<RuleEvent> CountySeeds<T>(string ruleId, IEnumerable<KeyValuePair<string, T>> counties,
        Func<T, Dictionary<string, decimal>> parameters, DateTimeOffset at) =>
        counties.OrderBy(c => c.Key, StringComparer.Ordinal).Select((c, i) => Seed(ruleId, i + 2, $"county:{c.Key}", parameters(c.Value), at));

    private static RuleEvent Seed(string ruleId, int version, string scope, Dictionary<string, decimal> parameters, DateTimeOffset at) => new()
    {
        RuleId = ruleId, Version = version, Action = RuleActions.Seed, By = "system", At = at,
        Reason = "seeded from the start-up options", Scope = scope, EffectiveFrom = Always, Parameters = parameters,
    };
}
