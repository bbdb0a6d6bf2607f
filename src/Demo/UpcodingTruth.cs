using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Demo;

/// <summary>
/// What the claims themselves say about upcoding (高套编码), by the plainest reading and sharing nothing with a detector:
/// drop reversed settlements; per hospital and ADRG take the exact median stay and cost of its severity-5 cases; count,
/// per hospital and month, the cases of split groups, those coded 1 or 3, and those coded 1 or 3 whose stay and cost are
/// both at or below that median ("heavy but light"). A planted upcoder shows its heavy-but-light count jump from its
/// onset month; a legitimately heavy hospital is heavy every month, with few of its heavy cases light.
/// </summary>
public static class UpcodingTruth
{
    /// <param name="claims">claim events (<c>claim-event.schema.json</c>) in any order</param>
    public static IReadOnlyDictionary<string, HospitalCodingMonths> ByHospital(IEnumerable<JsonObject> claims)
    {
        var all = claims.ToList();
        var reversed = all.Where(c => (string?)c["kind"] == "reversal").Select(c => (string)c["reversesClaimId"]!).ToHashSet();
        var cases = all
            .Where(c => (string?)c["kind"] == "settlement" && !reversed.Contains((string)c["claimId"]!))
            .Where(c => (string?)c["drgCode"] is { Length: 4 } drg && drg[3] is '1' or '3' or '5')
            .Select(c =>
            {
                var drg = (string)c["drgCode"]!;
                var stay = Date(c["dischargeDate"]).DayNumber - Date(c["admissionDate"]).DayNumber;
                var month = DateTimeOffset.Parse((string)c["settledAt"]!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).Month;
                return (Hospital: (string)c["hospitalId"]!, Adrg: drg[..3], Severity: drg[3], Stay: Math.Max(1, stay), Cost: (decimal)c["totalCost"]!, Month: month);
            })
            .ToList();

        var norms = cases.Where(c => c.Severity == '5')
            .GroupBy(c => (c.Hospital, c.Adrg))
            .ToDictionary(g => g.Key, g => (Stay: Median(g.Select(c => (decimal)c.Stay)), Cost: Median(g.Select(c => c.Cost))));

        return cases.GroupBy(c => c.Hospital).ToDictionary(g => g.Key, g =>
        {
            var split = new int[13];
            var heavy = new int[13];
            var light = new int[13];
            foreach (var c in g)
            {
                split[c.Month]++;
                if (c.Severity == '5')
                {
                    continue;
                }

                heavy[c.Month]++;
                if (norms.TryGetValue((c.Hospital, c.Adrg), out var norm) && c.Stay <= norm.Stay && c.Cost <= norm.Cost)
                {
                    light[c.Month]++;
                }
            }

            return new HospitalCodingMonths(split, heavy, light);
        });
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static DateOnly Date(JsonNode? node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One hospital's split cases, heavy cases (1 or 3) and heavy-but-light cases per month (index 1–12).</summary>
public sealed record HospitalCodingMonths(int[] Split, int[] Heavy, int[] HeavyButLight)
{
    /// <summary>Heavy share of the split cases over the months [from, to].</summary>
    public double HeavyShare(int from, int to) => Share(Heavy, Split, from, to);

    /// <summary>Heavy-but-light cases as a share of the split cases over the months [from, to].</summary>
    public double LightShare(int from, int to) => Share(HeavyButLight, Split, from, to);

    private static double Share(int[] part, int[] whole, int from, int to)
    {
        var w = whole[from..(to + 1)].Sum();
        return w == 0 ? 0 : part[from..(to + 1)].Sum() / (double)w;
    }
}
