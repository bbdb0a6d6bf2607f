using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Cases;

/// <summary>
/// 抽样复核: which of a case's line items an inspector pulls the records of, as claims review does — a random share
/// (drawn from a recorded seed, so the same seed draws the same items and anyone can check the draw), every item at
/// or above a value threshold, or the items whose amount lies far from the case's mean (variance: more than
/// <see cref="CaseSample.Sigma"/> standard deviations). Only items that stand are drawn.
/// </summary>
public static class CaseSampling
{
    public const string Random = "random";
    public const string Threshold = "threshold";
    public const string Variance = "variance";

    public static IReadOnlyList<string> Methods { get; } = [Random, Threshold, Variance];

    /// <summary>Standard deviations from the mean beyond which an item is an outlier, when none is asked.</summary>
    public const double DefaultSigma = 2.0;

    /// <summary>What is wrong with a sample request, naming the field; null when it can be drawn.</summary>
    public static string? Problem(CaseSample? sample) => sample switch
    {
        null => "sample needs a sample: {\"method\": \"random\"|\"threshold\"|\"variance\", …} (请填写抽样方式)",
        { Method: not (Random or Threshold or Variance) } => $"sample.method \"{sample.Method}\" is not one of {string.Join(", ", Methods)} (抽样方式无效)",
        { Method: Random, Share: not (> 0 and <= 1) } => "sample.share must be more than 0 and at most 1 for a random sample (抽样比例须在 0 到 1 之间)",
        { Method: Threshold, Threshold: not > 0 } => "sample.threshold must be an amount above 0 yuan for a threshold sample (金额阈值须大于 0)",
        { Method: Variance, Sigma: <= 0 } => "sample.sigma must be above 0 standard deviations (标准差倍数须大于 0)",
        _ => null,
    };

    /// <summary>The seed a random draw uses when none was asked: fixed by the case and how far its history has come.</summary>
    public static int SeedFor(InspectionCase c) =>
        BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{c.CaseId}#{c.History.Length}"))) & int.MaxValue;

    /// <summary>The item ids drawn, in the case's item order.</summary>
    public static IReadOnlyList<string> Draw(IReadOnlyList<CaseItem> items, CaseSample sample)
    {
        var standing = items.Where(i => i.Stands).ToList();
        if (standing.Count == 0)
        {
            return [];
        }

        HashSet<string> drawn;
        switch (sample.Method)
        {
            case Random:
                var count = (int)Math.Ceiling(standing.Count * sample.Share!.Value);
                drawn = [.. standing.OrderBy(i => Rank(sample.Seed!.Value, i.ItemId)).ThenBy(i => i.ItemId, StringComparer.Ordinal).Take(count).Select(i => i.ItemId)];
                break;
            case Threshold:
                drawn = [.. standing.Where(i => i.AtStake >= sample.Threshold!.Value).Select(i => i.ItemId)];
                break;
            default:
                var amounts = standing.Select(i => (double)i.AtStake).ToList();
                var mean = amounts.Average();
                var sd = Math.Sqrt(amounts.Sum(a => (a - mean) * (a - mean)) / amounts.Count);
                var sigma = sample.Sigma ?? DefaultSigma;
                drawn = [.. standing.Where(i => sd > 0 && Math.Abs((double)i.AtStake - mean) > sigma * sd).Select(i => i.ItemId)];
                break;
        }

        return [.. standing.Where(i => drawn.Contains(i.ItemId)).Select(i => i.ItemId)];
    }

    private static ulong Rank(int seed, string itemId) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}/{itemId}"))));
}

/// <summary>
/// A sample request (<c>sample</c> action): the method and its figure — a share of 0..1 and an optional seed for
/// <c>random</c>, an amount in yuan for <c>threshold</c>, a number of standard deviations for <c>variance</c>. The
/// history line of the draw records it with the seed used.
/// </summary>
public sealed record CaseSample(string Method, double? Share = null, int? Seed = null, decimal? Threshold = null, double? Sigma = null);
