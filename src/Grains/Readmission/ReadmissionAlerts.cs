using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Registry;

namespace Monitoring.Readmission;

/// <summary>
/// Words and evidence of the split-hospitalization alerts: a sentence in Chinese and English an inspector can act
/// on, and the two stays behind it. Ids derive from what an alert is about (the two claims; or the hospital, day and
/// transition), so judging the same claims again yields the same alert, which the store keeps once. The patient's
/// pseudonym is in the evidence only: the message also goes to the hospital. A pair's id is a digest of its two claims'
/// ids, not the ids themselves: the readmitting hospital reads the id, and the first stay may be another member's.
/// </summary>
public static class ReadmissionAlerts
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>What every pair's alert id starts with.</summary>
    public const string PairIdPrefix = $"{AlertKinds.SplitHospitalization}/pair/";

    /// <summary>
    /// The id of a pair's alert: the first 32 hex digits of the SHA-256 of its key (<c>first&gt;second</c> claim id), so a
    /// replay or a rebuild finds the same one, and the hospital that reads it cannot read the other stay's claim id in it.
    /// Migration 0035 rewrites the ids stored before in the same way (<see cref="CurrentPairAlertId"/>).
    /// </summary>
    public static string PairAlertId(string pairKey) =>
        PairIdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pairKey)))[..32];

    /// <summary>
    /// An alert id as it reads now: a pair's id stored before 0035 (<c>split-hospitalization/pair/first&gt;second</c>,
    /// kept so in the append-only case history) in its digest form; any other id as it is.
    /// </summary>
    public static string CurrentPairAlertId(string alertId) =>
        alertId.StartsWith(PairIdPrefix, StringComparison.Ordinal) && !IsDigest(alertId.AsSpan(PairIdPrefix.Length))
            ? PairAlertId(alertId[PairIdPrefix.Length..])
            : alertId;

    private static bool IsDigest(ReadOnlySpan<char> rest) => rest.Length == 32 && !rest.ContainsAnyExcept("0123456789abcdef");

    /// <summary>The alert for a suspect pair, addressed to the hospital that admitted the patient again.</summary>
    public static Alert Pair(SuspiciousPair pair, HospitalPlacement secondPlace, HospitalPlacement firstPlace,
        Func<string, string?> hospitalName, DateTimeOffset now)
    {
        var (first, second, finding) = (pair.First, pair.Second, pair.Finding);
        var nameA = hospitalName(first.HospitalId) ?? first.HospitalId;
        var nameB = hospitalName(second.HospitalId) ?? second.HospitalId;
        var fundPaid = Yuan(first.FundPaid + second.FundPaid);
        var (partsZh, partsEn) = (finding.SameDiagnosisCategory, finding.SameAdrg) switch
        {
            (true, true) => ($"同一病种（{first.DiagnosisCategory}）、同一 ADRG（{first.Adrg}）", $"same diagnosis category ({first.DiagnosisCategory}) and same ADRG ({first.Adrg})"),
            (true, false) => ($"同一病种（{first.DiagnosisCategory}）", $"same diagnosis category ({first.DiagnosisCategory})"),
            _ => ($"同一 ADRG（{first.Adrg}）", $"same ADRG ({first.Adrg})"),
        };
        var (signsZh, signsEn) = Signs(pair);
        var zh = $"疑似分解住院：患者于{nameA}出院（{Day(first.Discharge)}，{first.PrincipalDiagnosis}）后 {finding.IntervalDays} 天再次入住{nameB}"
            + $"（{Day(second.Admission)}，{second.PrincipalDiagnosis}），{partsZh}，两次结算统筹支付共 {fundPaid} 元{signsZh}，请核查病历。";
        var en = $"Suspected split hospitalization: patient discharged from {nameA} on {Day(first.Discharge)} ({first.PrincipalDiagnosis}) "
            + $"and readmitted to {nameB} {finding.IntervalDays} days later on {Day(second.Admission)} ({second.PrincipalDiagnosis}), {partsEn}; "
            + $"fund paid ¥{fundPaid} in total for the two settlements{signsEn}; check the medical records.";
        var evidence = new
        {
            patientId = pair.PatientId,
            intervalDays = finding.IntervalDays,
            windowDays = finding.WindowDays,
            sameDiagnosisCategory = finding.SameDiagnosisCategory,
            sameAdrg = finding.SameAdrg,
            aggravations = finding.AggravationCodes,
            norm = finding.Norm is { } norm
                ? new { drgCode = first.DrgCode, cases = norm.Cases, meanLengthOfStay = Math.Round(norm.MeanLengthOfStay, 2), meanTotalCost = norm.MeanTotalCost }
                : null,
            rule = new
            {
                ruleId = Rules.RuleIds.SplitHospitalization,
                version = finding.RuleVersion,
                scope = finding.RuleScope,
                parameters = new { windowDays = finding.WindowDays, criticalMaxDays = finding.CriticalMaxDays, warningMaxDays = finding.WarningMaxDays },
            },
            first = StayEvidence(first, firstPlace, hospitalName),
            second = StayEvidence(second, secondPlace, hospitalName),
        };
        return new Alert
        {
            AlertId = PairAlertId(pair.PairKey),
            Kind = AlertKinds.SplitHospitalization,
            Severity = finding.Severity,
            Transition = AlertTransition.Raised,
            SubjectLevel = "hospital",
            SubjectId = second.HospitalId,
            CountyId = secondPlace.CountyId,
            RegionId = secondPlace.RegionId,
            AllianceId = secondPlace.AllianceId,
            HospitalId = second.HospitalId,
            RaisedAt = now,
            AsOf = pair.KnownAt,
            MessageZh = zh,
            MessageEn = en,
            ClaimIds = [first.ClaimId, second.ClaimId],
            DrgCodes = [.. new[] { first.DrgCode, second.DrgCode }.OfType<string>().Distinct()],
            EvidenceJson = JsonSerializer.Serialize(evidence, Json),
            RuleId = Rules.RuleIds.SplitHospitalization,
            RuleVersion = finding.RuleVersion,
        };
    }

    private static object StayEvidence(Stay stay, HospitalPlacement place, Func<string, string?> hospitalName) => new
    {
        claimId = stay.ClaimId,
        hospitalId = stay.HospitalId,
        hospitalName = hospitalName(stay.HospitalId),
        allianceId = place.AllianceId,
        admissionDate = stay.Admission,
        dischargeDate = stay.Discharge,
        lengthOfStay = stay.LengthOfStay,
        principalDiagnosis = stay.PrincipalDiagnosis,
        drgCode = stay.DrgCode,
        disposition = stay.Disposition == Stay.UnknownDisposition ? null : stay.Disposition.ToString(),
        totalCost = stay.TotalCost,
        fundPaid = stay.FundPaid,
        settledAt = stay.SettledAt,
    };

    private static (string Zh, string En) Signs(SuspiciousPair pair)
    {
        var (first, second, finding) = (pair.First, pair.Second, pair.Finding);
        var zh = new List<string>();
        var en = new List<string>();
        if (finding.Aggravations.HasFlag(SplitAggravation.NonMedicalAdviceDischarge))
        {
            zh.Add("首次住院为非医嘱离院");
            en.Add("the first stay ended against medical advice");
        }

        if (finding.Norm is { } norm && finding.Aggravations.HasFlag(SplitAggravation.ShortFirstStay))
        {
            var mean = norm.MeanLengthOfStay.ToString("0.#", CultureInfo.InvariantCulture);
            zh.Add($"首次住院 {first.LengthOfStay} 天，明显短于 {first.DrgCode} 平均住院日 {mean} 天");
            en.Add($"the first stay lasted {first.LengthOfStay} days against {mean} usual for {first.DrgCode}");
        }

        if (finding.Norm is { } usual && finding.Aggravations.HasFlag(SplitAggravation.CombinedCostWithinOneStay))
        {
            zh.Add($"两次总费用 {Yuan(first.TotalCost + second.TotalCost)} 元未超过 {first.DrgCode} 一次住院平均费用 {Yuan(usual.MeanTotalCost)} 元");
            en.Add($"both stays together cost ¥{Yuan(first.TotalCost + second.TotalCost)}, no more than one usual {first.DrgCode} stay (¥{Yuan(usual.MeanTotalCost)})");
        }

        return zh.Count == 0 ? ("", "") : ("；" + string.Join("；", zh), "; " + string.Join("; ", en));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whole yuan: a message is prose, and prose carries no cents (the evidence keeps the exact figures).</summary>
    private static string Yuan(decimal amount) => Math.Round(amount, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The alert on a hospital's readmission rate (<see cref="ReadmissionRateTest"/>), raised or cleared as of the end of
    /// <paramref name="asOfDay"/> in settlement time: its suspect pairs since the onset against the pairs its discharges
    /// would give at its peers' rate, the ratio and the chance of so many by chance alone.
    /// </summary>
    public static Alert Rate(HospitalPlacement place, string? hospitalName, DateOnly asOfDay, RateJudgement judgement,
        RateReference reference, AlertTransition transition, ReadmissionThresholds t, DateTimeOffset now)
    {
        var name = hospitalName ?? place.HospitalId;
        var run = judgement.Evidence;
        var expected = run.RunExpected.ToString("0.0", CultureInfo.InvariantCulture);
        var ratio = run.RunRatio.ToString("0.0", CultureInfo.InvariantCulture);
        var referencePercent = Percent(reference.Rate);
        var (peersZh, peersEn) = reference.SameLevel ? ("同级医疗机构", "same-level peers") : ("全市医疗机构", "hospitals of the region");
        var since = run.Onset is { } onset ? Day(onset) : Day(asOfDay);
        var tail = ReadmissionRateTest.Tail(run);
        var (zh, en) = transition == AlertTransition.Cleared
            ? ($"{name}：{t.WindowDays} 日内再入院已回落至按{peersZh}再入院率（{referencePercent}）应有的水平，再入院率预警解除。",
               $"{name}: {t.WindowDays}-day readmissions are back to what {peersEn}' rate ({referencePercent}) leads one to expect for its discharges; the readmission-rate alert is cleared.")
            : ($"{name}：自 {since} 起 {run.RunDischarges} 例出院中 {run.RunPairs} 例 {t.WindowDays} 日内疑似分解住院再入院，按{peersZh}再入院率（{referencePercent}）应约 {expected} 例，"
                + $"为预期的 {ratio} 倍（偶然出现的概率 {Probability(tail)}），请核查是否存在分解住院。",
               $"{name}: {run.RunPairs} suspect {t.WindowDays}-day readmissions in {run.RunDischarges} discharges since {since}, against {expected} expected at the rate of {peersEn} ({referencePercent}): "
                + $"{ratio} times expected (chance of so many {Probability(tail)}); check for split hospitalization.");
        var evidence = new
        {
            observed = run.RunPairs,
            expected = Math.Round(run.RunExpected, 3),
            ratio = double.IsFinite(run.RunRatio) ? Math.Round(run.RunRatio, 3) : (double?)null,
            tail,
            discharges = run.RunDischarges,
            onset = run.Onset,
            referenceRate = Math.Round(reference.Rate, 6),
            referencePeers = reference.Peers,
            referenceDischarges = reference.Discharges,
            referenceSameLevel = reference.SameLevel,
            statistic = Math.Round(run.Statistic, 3),
            threshold = Math.Round(judgement.Threshold, 3),
            clearEvidence = transition == AlertTransition.Cleared ? Math.Round(run.ClearStatistic, 3) : (double?)null,
            shiftRatio = t.RateShiftRatio,
            minEffect = t.RateMinEffect,
            familyError = t.RateFamilyError,
            readmissionWindowDays = t.WindowDays,
        };
        return new Alert
        {
            AlertId = $"{AlertKinds.SplitHospitalization}/rate/{place.HospitalId}/{asOfDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{transition.ToString().ToLowerInvariant()}",
            Kind = AlertKinds.SplitHospitalization,
            Severity = transition == AlertTransition.Cleared ? AlertSeverity.Notice : AlertSeverity.Warning,
            Transition = transition,
            SubjectLevel = "hospital",
            SubjectId = place.HospitalId,
            CountyId = place.CountyId,
            RegionId = place.RegionId,
            AllianceId = place.AllianceId,
            HospitalId = place.HospitalId,
            RaisedAt = now,
            AsOf = new DateTimeOffset(asOfDay.ToDateTime(new TimeOnly(23, 59, 59)), BudgetClock.ChinaOffset),
            MessageZh = zh,
            MessageEn = en,
            EvidenceJson = JsonSerializer.Serialize(evidence, Json),
        };
    }

    private static string Probability(double p) => p < 0.0001 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
