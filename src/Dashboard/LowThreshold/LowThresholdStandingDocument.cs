using System.Globalization;
using System.Text.Json.Serialization;
using Monitoring.LowThreshold;

namespace Monitoring.Dashboard.LowThreshold;

/// <summary>
/// A hospital's low-threshold standing as <c>GET /api/low-threshold/hospital/{id}</c> returns it: per settlement month
/// its admissions (住院人次), the stays judged, the short, cheap ones and their share, beside the median share of its
/// same-level peers; and the alarm (level <c>none</c>, <c>warning</c> or <c>critical</c>, the CUSUM against its threshold,
/// the onset of the current run).
/// </summary>
public sealed record LowThresholdStandingDocument(
    [property: JsonPropertyName("hospitalId")] string HospitalId,
    [property: JsonPropertyName("judgedThrough")] string? JudgedThrough,
    [property: JsonPropertyName("months")] IReadOnlyList<LowThresholdMonthDocument> Months,
    [property: JsonPropertyName("peers")] int Peers,
    [property: JsonPropertyName("baseline")] double? Baseline,
    [property: JsonPropertyName("peerShare")] double? PeerShare,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("statistic")] double Statistic,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("onset")] string? Onset)
{
    public static LowThresholdStandingDocument Of(LowThresholdStanding standing)
    {
        var peers = standing.PeerMonths.ToDictionary(m => (m.Year, m.Month), m => m.MedianShare);
        return new(
            standing.HospitalId,
            Day(standing.JudgedThrough),
            [.. standing.Months.Select(m => new LowThresholdMonthDocument(
                $"{m.Year:D4}-{m.Month:D2}", m.Admissions, m.Stays, m.ShortAndCheap, m.Share is { } s ? Math.Round(s, 6) : null,
                peers.TryGetValue((m.Year, m.Month), out var p) ? Math.Round(p, 6) : null))],
            standing.Peers,
            standing.Baseline is { } b ? Math.Round(b, 6) : null,
            standing.PeerShare is { } ps ? Math.Round(ps, 6) : null,
            standing.Level.ToString().ToLowerInvariant(),
            Math.Round(standing.Statistic, 4),
            standing.Threshold,
            Day(standing.OnsetWeekStart));
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One settlement month: admissions (住院人次), stays judged, short, cheap stays, their share, and the peers' median share.</summary>
public sealed record LowThresholdMonthDocument(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("admissions")] int Admissions,
    [property: JsonPropertyName("stays")] int Stays,
    [property: JsonPropertyName("shortAndCheap")] int ShortAndCheap,
    [property: JsonPropertyName("share")] double? Share,
    [property: JsonPropertyName("peerShare")] double? PeerShare);
