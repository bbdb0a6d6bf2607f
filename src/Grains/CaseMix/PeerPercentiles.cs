namespace Monitoring.CaseMix;

/// <summary>
/// Where a hospital stands among its same-level peers on one target area, the way PEPPER (the US Program for
/// Evaluating Payment Patterns Electronic Report) shows it: the hospital's rate as a percentile of the peers' rates,
/// flagged at the 80th. A rate on fewer than <see cref="MinCount"/> target cases is suppressed (shown as no rate, no
/// percentile, never flagged, and left out of the others' comparison): a handful of cases places a hospital anywhere by
/// chance, and a small count can name patients. A percentile among fewer than <see cref="MinCompared"/> hospitals says
/// nothing and is not given either.
/// </summary>
public static class PeerPercentiles
{
    /// <summary>Target counts below this are suppressed, as PEPPER suppresses counts under 11.</summary>
    public const int MinCount = 11;

    /// <summary>A hospital at or above this percentile of its peers is flagged for a look.</summary>
    public const double FlagPercentile = 80;

    /// <summary>Fewer compared hospitals than this, and no percentile is given.</summary>
    public const int MinCompared = 5;

    /// <summary>
    /// The standing of each hospital of <paramref name="counts"/> (one target area, one period, one peer group). The
    /// percentile is the share of the other compared hospitals with a lower rate, ties counting half.
    /// </summary>
    public static Dictionary<string, AreaStanding> Of(IReadOnlyCollection<AreaCount> counts)
    {
        var compared = counts.Where(c => c.Denominator > 0 && c.Numerator >= MinCount).Select(c => c.Rate).ToArray();
        var standings = new Dictionary<string, AreaStanding>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            if (c.Denominator <= 0 || c.Numerator < MinCount)
            {
                var suppressed = c.Numerator is > 0 and < MinCount;
                standings[c.HospitalId] = new AreaStanding(suppressed ? null : c.Numerator, c.Denominator, null, null, false, suppressed, compared.Length);
                continue;
            }

            double? percentile = null;
            if (compared.Length >= MinCompared)
            {
                var lower = compared.Count(r => r < c.Rate);
                var tied = compared.Count(r => r == c.Rate) - 1; // itself is among the compared
                percentile = Math.Round(100.0 * (lower + (0.5 * tied)) / (compared.Length - 1), 1);
            }

            standings[c.HospitalId] = new AreaStanding(c.Numerator, c.Denominator, c.Rate, percentile, percentile >= FlagPercentile, false, compared.Length);
        }

        return standings;
    }

    /// <summary>
    /// The hospital's standing on every area, month by month, among the peers of <paramref name="rows"/> (every
    /// same-level hospital of the region, itself included): the months any of them has cases in, oldest first.
    /// </summary>
    public static TargetArea[] Report(string hospitalId, IReadOnlyCollection<AreaRow> rows) =>
        [.. TargetAreas.All.Select(area => new TargetArea(area, [.. rows
            .Where(r => r.Area == area)
            .GroupBy(r => r.Month)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Of([.. g.Select(r => r.Count)])))
            .Where(m => m.Item2.ContainsKey(hospitalId))
            .Select(m => new AreaPeriod(m.Key, m.Item2[hospitalId]))]))];
}

/// <summary>The target areas compared, each a share of a hospital's cases.</summary>
public static class TargetAreas
{
    /// <summary>Suspect split-pair readmissions (再入院) known in the month per discharge settled in it.</summary>
    public const string ReadmissionRate = "readmission-rate";

    /// <summary>Stays of at most <see cref="ShortStayMaxDays"/> days per case settled (短住院).</summary>
    public const string ShortStay = "short-stay";

    /// <summary>Cases coded with complications (CC/MCC, severity 1 or 3) per split case (高编码).</summary>
    public const string HeavyShare = "heavy-share";

    /// <summary>PEPPER's short-stay target counts stays of two days or less.</summary>
    public const int ShortStayMaxDays = 2;

    public static readonly string[] All = [ReadmissionRate, ShortStay, HeavyShare];
}

/// <summary>One hospital's count on one area in one month of the fund year.</summary>
public readonly record struct AreaRow(string Area, int Month, AreaCount Count);

/// <summary>One area's months for one hospital.</summary>
[GenerateSerializer, Immutable]
public sealed record TargetArea([property: Id(0)] string Area, [property: Id(1)] AreaPeriod[] Months);

[GenerateSerializer, Immutable]
public sealed record AreaPeriod([property: Id(0)] int Month, [property: Id(1)] AreaStanding Standing);

/// <summary>A hospital's PEPPER-style standings among its same-level peers of the region, for the fund year.</summary>
[GenerateSerializer, Immutable]
public sealed record PeerStandingReport(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] int Level,
    [property: Id(2)] int FundYear,
    [property: Id(3)] DateOnly? AsOf,
    [property: Id(4)] int Peers,
    [property: Id(5)] TargetArea[] Areas)
{
    [Id(6)] public double FlagPercentile { get; init; } = PeerPercentiles.FlagPercentile;

    [Id(7)] public int MinCount { get; init; } = PeerPercentiles.MinCount;

    /// <summary>So the page can say how few compared hospitals leave a month without a percentile.</summary>
    [Id(8)] public int MinCompared { get; init; } = PeerPercentiles.MinCompared;
}

/// <summary>One hospital's target cases (<paramref name="Numerator"/>) among its cases at risk (<paramref name="Denominator"/>) in a period.</summary>
public readonly record struct AreaCount(string HospitalId, long Numerator, long Denominator)
{
    public double Rate => Denominator == 0 ? 0 : Numerator / (double)Denominator;
}

/// <summary>
/// A hospital's rate and percentile on one area in one period. Suppressed (1–10 target cases): no count, rate or
/// percentile. No percentile either when fewer than <see cref="PeerPercentiles.MinCompared"/> hospitals are compared.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AreaStanding(
    [property: Id(0)] long? Numerator,
    [property: Id(1)] long Denominator,
    [property: Id(2)] double? Rate,
    [property: Id(3)] double? Percentile,
    [property: Id(4)] bool Flagged,
    [property: Id(5)] bool Suppressed,
    [property: Id(6)] int Compared);
