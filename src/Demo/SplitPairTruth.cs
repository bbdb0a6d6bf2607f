using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Demo;

/// <summary>
/// The split-hospitalization (分解住院) pairs in a set of claim events, by the plainest reading of the rule, to measure a
/// detector and check the demo's planting against. Written from the rule's text alone and sharing nothing with a
/// detector: drop the reversed settlements; group the rest by patient and place (the alliance, or the hospital outside
/// any alliance); order each group by admission date, discharge date and claim id; and judge each stay against the one
/// before it. A pair stands when the second admission is 0–15 whole days after the first discharge, the two are the
/// same episode (the same ICD-10 category, or the same ADRG where both are grouped), neither principal diagnosis is
/// planned treatment (Z51 chemotherapy or radiotherapy sessions, Z49 dialysis) and the first stay did not end in death.
/// </summary>
public static class SplitPairTruth
{
    public const int WindowDays = 15;

    private static readonly string[] PlannedTreatment = ["Z51", "Z49"];

    /// <param name="registry">a registry document (<c>registry.schema.json</c>)</param>
    /// <param name="claims">claim events (<c>claim-event.schema.json</c>) in any order</param>
    public static IReadOnlyList<TruthPair> Find(JsonNode registry, IEnumerable<JsonObject> claims)
    {
        var places = new Dictionary<string, string>();
        foreach (var county in registry["regions"]!.AsArray().SelectMany(r => r!["counties"]!.AsArray()))
        {
            foreach (var hospital in county!["hospitals"]!.AsArray())
            {
                var hospitalId = (string)hospital!["hospitalId"]!;
                var allianceId = (string?)hospital["allianceId"];
                places[hospitalId] = allianceId is null ? $"hospital:{hospitalId}" : $"alliance:{allianceId}";
            }
        }

        var all = claims.ToList();
        var reversed = all.Where(c => (string?)c["kind"] == "reversal").Select(c => (string)c["reversesClaimId"]!).ToHashSet();
        var stays = all
            .Where(c => (string?)c["kind"] == "settlement" && !reversed.Contains((string)c["claimId"]!))
            .Select(c => new Stay(
                (string)c["claimId"]!,
                (string)c["patientId"]!,
                places[(string)c["hospitalId"]!],
                Date(c["admissionDate"]),
                Date(c["dischargeDate"]),
                (string)c["principalDiagnosis"]!,
                (string?)c["drgCode"],
                (string?)c["dischargeDisposition"]));

        var pairs = new List<TruthPair>();
        foreach (var group in stays.GroupBy(s => (s.PatientId, s.Place)))
        {
            var ordered = group
                .OrderBy(s => s.Admission)
                .ThenBy(s => s.Discharge)
                .ThenBy(s => s.ClaimId, StringComparer.Ordinal)
                .ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var first = ordered[i - 1];
                var second = ordered[i];
                var interval = second.Admission.DayNumber - first.Discharge.DayNumber;
                if (interval is >= 0 and <= WindowDays && SameEpisode(first, second) && !Excluded(first, second))
                {
                    pairs.Add(new TruthPair(first.ClaimId, second.ClaimId, interval, SeverityOf(interval)));
                }
            }
        }

        return pairs;
    }

    public static string SeverityOf(int intervalDays) => intervalDays switch
    {
        <= 2 => "critical",
        <= 7 => "warning",
        _ => "notice",
    };

    private static bool SameEpisode(Stay first, Stay second) =>
        first.Diagnosis[..3] == second.Diagnosis[..3]
        || (first.DrgCode is { Length: >= 3 } a && second.DrgCode is { Length: >= 3 } b && a[..3] == b[..3]);

    private static bool Excluded(Stay first, Stay second) =>
        PlannedTreatment.Contains(first.Diagnosis[..3]) || PlannedTreatment.Contains(second.Diagnosis[..3]) || first.Disposition == "5";

    private static DateOnly Date(JsonNode? node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Stay(
        string ClaimId, string PatientId, string Place, DateOnly Admission, DateOnly Discharge, string Diagnosis, string? DrgCode, string? Disposition);
}
