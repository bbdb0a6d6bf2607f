using Monitoring.Watch;
using System.Globalization;
using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Registry;
using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>
/// Words and evidence of the low-threshold admission alert: a sentence in Chinese and English an inspector can act on,
/// the figures behind it (share now against the hospital's own baseline and its peers', the statistics, the onset,
/// the counts) and example claims with diagnosis, DRG, length of stay and cost against the DRG's median. The id derives
/// from the hospital, the week and the transition, so judging the same week again yields the same alert.
/// </summary>
public static class LowThresholdAlerts
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string AlertId(string hospitalId, int week, AlertTransition transition) =>
        $"{AlertKinds.LowThresholdAdmission}/{hospitalId}/{Day(SettlementWeek.Start(week)).Replace("-", "", StringComparison.Ordinal)}/{transition.ToString().ToLowerInvariant()}";

    /// <param name="window">the hospital's short, cheap stays and stays over the peer window ending with the judged week</param>
    public static Alert Of(HospitalPlacement place, string? hospitalName, WeekJudgement judgement, AlertTransition transition,
        (long Stays, long ShortAndCheap) window, PeerReference peers, IReadOnlyList<ShortCheapExample> examples,
        LowThresholdOptions o, DateTimeOffset now)
    {
        var name = hospitalName ?? place.HospitalId;
        var track = judgement.Next.Level == AlarmLevel.None ? CusumTrack.Quiet : judgement.Next.Track;
        var onset = track.OnsetPeriod is { } onsetWeek ? SettlementWeek.Start(onsetWeek) : (DateOnly?)null;
        var (shareNow, nowStays, nowEvents) = onset is not null && track.RunTrials > 0
            ? ((double)track.RunEvents / track.RunTrials, track.RunTrials, track.RunEvents)
            : (window.Stays > 0 ? (double)window.ShortAndCheap / window.Stays : 0, window.Stays, window.ShortAndCheap);
        var since = onset is { } d ? Day(d) : null;
        var baseline = judgement.Next.FrozenBaseline ?? judgement.Baseline;
        var definitionZh = $"住院≤{o.MaxLengthOfStayDays}天且总费用≤同 ADRG（不分严重程度）全市（州）中位数{Percent(o.MaxCostFractionOfMedian)}";
        var definitionEn = $"stays of at most {o.MaxLengthOfStayDays} days costing at most {Percent(o.MaxCostFractionOfMedian)} of the region's median for their ADRG, whatever severity they were coded at";
        var periodZh = since is null ? $"近{o.PeerWindowWeeks}周" : $"自{since}起";
        var periodEn = since is null ? $"over the last {o.PeerWindowWeeks} weeks" : $"since {since}";
        var baselineZh = baseline is { } b ? $"，本院既往基线 {Percent(b)}" : "";
        var baselineEn = baseline is { } b2 ? $" against its own baseline of {Percent(b2)}" : "";
        var peersZh = peers.MedianShare is { } p ? $"，同级机构中位数 {Percent(p)}（{peers.Peers} 家）" : "";
        var peersEn = peers.MedianShare is { } p2 ? $" and a median of {Percent(p2)} among {peers.Peers} same-level peers" : "";
        var (zh, en) = transition == AlertTransition.Cleared
            ? ($"{name}：短期低费用住院（{definitionZh}）占比已回落至 {Percent(window.Stays > 0 ? (double)window.ShortAndCheap / window.Stays : 0)}{baselineZh}{peersZh}，预警解除。",
               $"{name}: the share of short, cheap stays ({definitionEn}) is back to {Percent(window.Stays > 0 ? (double)window.ShortAndCheap / window.Stays : 0)}{baselineEn}{peersEn}; cleared.")
            : ($"{name}：{periodZh}短期低费用住院（{definitionZh}）占比 {Percent(shareNow)}（{nowStays} 例中 {nowEvents} 例）{baselineZh}{peersZh}，"
                + $"{(judgement.OwnSignal && judgement.PeerSignal ? "较本院既往明显上升且远高于同级机构" : judgement.OwnSignal ? "较本院既往明显上升" : "远高于同级机构")}，疑似降低住院指征收治住院，请核查病历。",
               $"{name}: {periodEn}, {Percent(shareNow)} of its stays ({nowEvents} of {nowStays}) were short and cheap ({definitionEn}){baselineEn}{peersEn}; "
                + $"{(judgement.OwnSignal && judgement.PeerSignal ? "a rise against its own past and far above its peers" : judgement.OwnSignal ? "a rise against its own past" : "far above its peers")}: "
                + "suspected admission of patients who did not need a bed; check the medical records.");
        var shown = transition == AlertTransition.Cleared ? [] : examples;
        var evidence = new
        {
            week = Day(SettlementWeek.Start(judgement.Week)),
            signals = new[] { judgement.OwnSignal ? "own-baseline" : null, judgement.PeerSignal ? "peers" : null }.OfType<string>(),
            shareNow = Math.Round(shareNow, 6),
            stays = nowStays,
            shortAndCheap = nowEvents,
            baseline = baseline is { } bb ? Math.Round(bb, 6) : (double?)null,
            peerShare = peers.MedianShare is { } pp ? Math.Round(pp, 6) : (double?)null,
            peers = peers.Peers,
            cusum = new
            {
                statistic = Math.Round(track.Statistic, 4),
                threshold = o.CusumThreshold,
                onset = since,
                runStays = track.RunTrials,
                runShortAndCheap = track.RunEvents,
                runExpected = Math.Round(track.RunExpected, 2),
                pValue = track.RunTrials > 0 ? ObservedExpected.UpperTail(track.RunEvents, track.RunExpected) : (double?)null,
                shiftedShare = judgement.Shifted is { } s ? Math.Round(s, 6) : (double?)null,
            },
            peerComparison = new
            {
                windowWeeks = o.PeerWindowWeeks,
                stays = judgement.Peers.Trials,
                observed = judgement.Peers.Observed,
                expected = Math.Round(judgement.Peers.Expected, 2),
                ratio = double.IsFinite(judgement.Peers.Ratio) ? Math.Round(judgement.Peers.Ratio, 3) : (double?)null,
                z = Math.Round(judgement.Peers.Z, 3),
                pValue = judgement.Peers.PValue,
            },
            definition = new { maxLengthOfStayDays = o.MaxLengthOfStayDays, maxCostFractionOfMedian = o.MaxCostFractionOfMedian },
            examples = shown.Select(e => new
            {
                claimId = e.ClaimId,
                principalDiagnosis = e.PrincipalDiagnosis,
                drgCode = e.DrgCode,
                lengthOfStay = e.LengthOfStay,
                totalCost = e.TotalCost,
                adrg = LowThresholdRule.NormGroup(e.DrgCode),
                // The name is the contract's; the median is that of the ADRG, all severities (AdmissionCandidate.Adrg).
                drgMedianCost = Math.Round(e.DrgMedianCost, 2),
                costToMedian = Math.Round((double)e.TotalCost / e.DrgMedianCost, 3),
                settledDate = Day(e.SettledDay),
                outpatientTreatable = e.OutpatientTreatable,
            }),
        };
        return new Alert
        {
            AlertId = AlertId(place.HospitalId, judgement.Week, transition),
            Kind = AlertKinds.LowThresholdAdmission,
            Severity = transition == AlertTransition.Cleared ? AlertSeverity.Notice
                : judgement.Next.Level == AlarmLevel.Critical ? AlertSeverity.Critical : AlertSeverity.Warning,
            Transition = transition,
            SubjectLevel = "hospital",
            SubjectId = place.HospitalId,
            CountyId = place.CountyId,
            RegionId = place.RegionId,
            AllianceId = place.AllianceId,
            HospitalId = place.HospitalId,
            RaisedAt = now,
            AsOf = SettlementWeek.End(judgement.Week),
            MessageZh = zh,
            MessageEn = en,
            ClaimIds = [.. shown.Select(e => e.ClaimId)],
            DrgCodes = [.. shown.Select(e => e.DrgCode).Distinct(StringComparer.Ordinal)],
            EvidenceJson = JsonSerializer.Serialize(evidence, Json),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
