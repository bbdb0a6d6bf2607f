using System.Globalization;
using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Registry;
using Monitoring.Statistics;

namespace Monitoring.Upcoding;

/// <summary>
/// Words and evidence of the upcoding alert. Its id derives from the hospital, the estimated onset and the transition,
/// so a watch rebuilt from the ledger re-finds the same alerts and the store keeps each once. The claim ids are the
/// heavy-but-light cases since the onset: what an inspector pulls the records of.
/// </summary>
public static class UpcodingAlerts
{
    /// <summary>ADRGs named as driving a finding: those with the largest excess of heavy cases, at most this many.</summary>
    public const int MaxDrivingAdrgs = 5;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string AlertId(string hospitalId, DateOnly onset, AlertTransition transition) =>
        $"{AlertKinds.Upcoding}/{hospitalId}/{onset.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{transition.ToString().ToLowerInvariant()}";

    /// <summary>The ADRGs with the largest excess of heavy cases over the hospital's own baseline since the onset.</summary>
    public static string[] DrivingAdrgs(IEnumerable<AdrgRun> run) =>
        [.. run.Where(r => r.Excess >= 1).OrderByDescending(r => r.Excess).ThenBy(r => r.Adrg, StringComparer.Ordinal).Take(MaxDrivingAdrgs).Select(r => r.Adrg)];

    public static Alert Of(UpcodingFinding f, HospitalPlacement place, string? hospitalName, UpcodingOptions t, DateTimeOffset now)
    {
        var name = hospitalName ?? place.HospitalId;
        var step = f.Step;
        var own = step.OwnHistory;
        var drivers = DrivingAdrgs(step.Run);
        var onset = Day(f.Onset);
        var (observedShare, expectedShare) = own.Trials == 0 ? (0, 0) : (own.Observed / (double)own.Trials, own.Expected / own.Trials);
        var peerZh = f.Peers is { } p && f.PeerCount > 0
            ? $"；同级 {f.PeerCount} 家医疗机构按同样病组构成预期 {Math.Round(p.Expected)} 例（{Ratio(p.Ratio)} 倍）"
            : "";
        var peerEn = f.Peers is { } q && f.PeerCount > 0
            ? $"; its {f.PeerCount} same-level peers would have coded {Math.Round(q.Expected)} of them heavy ({Ratio(q.Ratio)}×)"
            : "";
        var lightZh = $"其中 {f.HeavyButLight} 例高编病例的住院日和费用不高于同病组无并发症（5 级）病例的中位数";
        var lightEn = $"{f.HeavyButLight} of the heavy cases stayed no longer and cost no more than the median uncomplicated (severity 5) case of their ADRG";
        var adrgs = string.Join("、", drivers);
        var (zh, en) = step.Transition == AlertTransition.Cleared
            ? ($"{name}：自 {onset} 起的病组严重程度偏高已回落至本院既往水平，高套编码预警解除。",
               $"{name}: the rise in coding severity since {onset} is back to the hospital's own history; the upcoding alert is cleared.")
            : ($"疑似高套编码：{name}自 {onset} 前后起，伴并发症（1、3 级）病例占比 {Percent(observedShare)}（{own.Observed}/{own.Trials}），"
               + $"按本院既往各病组占比预期 {Percent(expectedShare)}（{Math.Round(own.Expected)} 例）{peerZh}；{lightZh}。主要病组：{adrgs}。请抽查病历核实并发症编码。",
               $"Suspected upcoding: since about {onset}, {name} coded {Percent(observedShare)} of its split cases with complications (severity 1 or 3; {own.Observed} of {own.Trials}) "
               + $"where its own earlier weeks predict {Percent(expectedShare)} ({Math.Round(own.Expected)} cases){peerEn}; {lightEn}. ADRGs driving it: {string.Join(", ", drivers)}. "
               + "Check the medical records behind the complication codes.");
        var evidence = new
        {
            onset = f.Onset,
            weekEnding = f.WeekEnd,
            statistic = Math.Round(step.Track.Statistic, 3),
            threshold = t.Threshold,
            escalationThreshold = t.Threshold * t.EscalationFactor,
            shiftFraction = t.ShiftFraction,
            ownHistory = Comparison(own),
            peers = f.Peers is { } peers && f.PeerCount > 0 ? new { hospitals = f.PeerCount, comparison = Comparison(peers) } : null,
            adrgs = step.Run.OrderByDescending(r => r.Excess).Select(r => new
            {
                adrg = r.Adrg,
                cases = r.Cases,
                heavy = r.Heavy,
                baselineShare = Math.Round(r.Baseline, 4),
                expectedHeavy = Math.Round(r.Expected, 2),
            }),
            heavyCasesSinceOnset = f.HeavyCases,
            heavyButLight = f.HeavyButLight,
            heavyButLightAgainstBefore = f.LightAgainstBefore is { } light ? Comparison(light) : null,
            heavyButLightExamples = f.Examples.Select(c => new
            {
                claimId = c.ClaimId,
                drgCode = c.DrgCode,
                settledDay = c.SettledDay,
                lengthOfStay = c.LengthOfStay,
                totalCost = c.TotalCost,
                normLengthOfStay = f.NormOf(c.Adrg!)?.MedianStay is { } s ? Math.Round(s, 1) : (double?)null,
                normTotalCost = f.NormOf(c.Adrg!)?.MedianCost is { } m ? Math.Round(m, 2) : (double?)null,
                drgWeight = c.Weight,
                normWeight = f.NormOf(c.Adrg!)?.MeanWeight is { } w and > 0 ? w : (decimal?)null,
            }),
        };
        return new Alert
        {
            AlertId = AlertId(place.HospitalId, f.Onset, step.Transition),
            Kind = AlertKinds.Upcoding,
            Severity = step.Transition == AlertTransition.Cleared ? AlertSeverity.Notice
                : step.Level == UpcodingLevel.Critical ? AlertSeverity.Critical : AlertSeverity.Warning,
            Transition = step.Transition,
            SubjectLevel = "hospital",
            SubjectId = place.HospitalId,
            CountyId = place.CountyId,
            RegionId = place.RegionId,
            AllianceId = place.AllianceId,
            HospitalId = place.HospitalId,
            RaisedAt = now,
            AsOf = new DateTimeOffset(f.WeekEnd.ToDateTime(new TimeOnly(23, 59, 59)), BudgetClock.ChinaOffset),
            MessageZh = zh,
            MessageEn = en,
            ClaimIds = step.Transition == AlertTransition.Cleared ? [] : [.. f.Examples.Select(c => c.ClaimId)],
            DrgCodes = drivers,
            EvidenceJson = JsonSerializer.Serialize(evidence, Json),
        };
    }

    private static object Comparison(ObservedExpected oe) => new
    {
        cases = oe.Trials,
        observedHeavy = oe.Observed,
        expectedHeavy = Math.Round(oe.Expected, 2),
        observedShare = oe.Trials == 0 ? 0 : Math.Round(oe.Observed / (double)oe.Trials, 4),
        expectedShare = oe.Trials == 0 ? 0 : Math.Round(oe.Expected / oe.Trials, 4),
        ratio = Math.Round(oe.Ratio, 3),
        z = Math.Round(oe.Z, 2),
        pValue = oe.PValue,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Everything an upcoding alert says: the step of the trace, when it began, and the claim-level and peer evidence.</summary>
/// <param name="HeavyCases">cases coded 1 or 3 since the onset</param>
/// <param name="HeavyButLight">of those, the cases that stayed and cost no more than the severity-5 norm</param>
/// <param name="Examples">the first of them, oldest first, whose claim ids the alert lists</param>
/// <param name="Peers">the run against same-level peers, when the region has reported them</param>
public sealed record UpcodingFinding(
    CodingChangeStep Step,
    DateOnly Onset,
    DateOnly WeekEnd,
    long HeavyCases,
    int HeavyButLight,
    IReadOnlyList<CodedCase> Examples,
    ObservedExpected? Peers,
    int PeerCount,
    Func<string, SeverityNorm?> NormOf)
{
    /// <summary>The heavy-but-light cases since the onset against the hospital's own share of them before it.</summary>
    public ObservedExpected? LightAgainstBefore { get; init; }
}
