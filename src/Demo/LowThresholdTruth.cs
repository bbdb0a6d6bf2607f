using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Demo;

/// <summary>
/// Each hospital's monthly share of short, cheap stays in a set of claim events, by the plainest reading of the rule,
/// to check the demo's planting against and to show a measurement what the claims themselves say. Written from the
/// rule's text alone and sharing nothing with the detector: drop reversed settlements; leave out ungrouped stays, day
/// surgery, deaths (离院方式 5), transfers out (2, 3) and planned treatment (Z51, Z49); take each DRG's median total
/// cost over the whole year and region, exactly; a stay is short and cheap when it lasted at most 2 days (the days of
/// admission and discharge counting once) and cost at most half that median.
/// </summary>
public static class LowThresholdTruth
{
    public const int MaxLengthOfStayDays = 2;
    public const decimal MaxCostFractionOfMedian = 0.5m;

    private static readonly string[] PlannedTreatment = ["Z51", "Z49"];
    private static readonly string[] Excluded = ["2", "3", "5"];

    /// <summary>Per hospital and month (<c>yyyy-MM</c> of settlement, China time): stays judged and short, cheap ones.</summary>
    public static IReadOnlyDictionary<(string HospitalId, string Month), (int Stays, int ShortAndCheap)> MonthlyShares(IEnumerable<JsonObject> claims)
    {
        var all = claims.ToList();
        var reversed = all.Where(c => (string?)c["kind"] == "reversal").Select(c => (string)c["reversesClaimId"]!).ToHashSet();
        var stays = all
            .Where(c => (string?)c["kind"] == "settlement" && !reversed.Contains((string)c["claimId"]!))
            .Where(c => c["drgCode"] is not null && (string?)c["paymentMethod"] != "day-surgery"
                && !Excluded.Contains((string?)c["dischargeDisposition"])
                && !PlannedTreatment.Contains(((string)c["principalDiagnosis"]!)[..3]))
            .Select(c => (
                Hospital: (string)c["hospitalId"]!,
                Month: ((string)c["settledAt"]!)[..7],
                Drg: (string)c["drgCode"]!,
                Days: Math.Max(1, Date(c["dischargeDate"]).DayNumber - Date(c["admissionDate"]).DayNumber),
                Cost: (decimal)c["totalCost"]!))
            .ToList();
        var medians = stays.GroupBy(s => s.Drg).ToDictionary(g => g.Key, g => Median(g.Select(s => s.Cost)));
        return stays
            .GroupBy(s => (s.Hospital, s.Month))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(s => s.Days <= MaxLengthOfStayDays && s.Cost <= MaxCostFractionOfMedian * medians[s.Drg])));
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static DateOnly Date(JsonNode? node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
