namespace Monitoring.Statistics;

/// <summary>
/// A distribution of positive amounts (costs, lengths of stay) kept as counts in geometric buckets, so that a
/// median or any quantile is known to within the bucket width (<see cref="RelativeError"/>) from a few hundred
/// counters however many cases it holds. Unlike a running median it can take a case back out (a reversal) and be
/// added to another sketch (hospital summaries into a region's), which is what the detectors need.
/// </summary>
[GenerateSerializer]
public sealed class QuantileSketch
{
    /// <summary>Each bucket spans amounts within ±1% of its midpoint; a 10,000 yuan median reads as 9,900–10,100.</summary>
    public const double RelativeError = 0.01;

    private static readonly double Gamma = (1 + RelativeError) / (1 - RelativeError);
    private static readonly double LogGamma = Math.Log(Gamma);

    [Id(0)] private readonly Dictionary<int, long> _buckets = [];

    [Id(1)] private long _zeros;

    public long Count => _zeros + _buckets.Values.Sum();

    /// <summary>Counters held: the sketch's size, however many amounts it counts.</summary>
    public int Buckets => _buckets.Count + (_zeros > 0 ? 1 : 0);

    public void Add(double amount) => Change(amount, +1);

    /// <summary>Takes out one amount added before (a reversed case); an amount never added is a caller's bug.</summary>
    public void Remove(double amount) => Change(amount, -1);

    public void Merge(QuantileSketch other)
    {
        _zeros += other._zeros;
        foreach (var (bucket, count) in other._buckets)
        {
            _buckets[bucket] = _buckets.GetValueOrDefault(bucket) + count;
        }
    }

    /// <summary>Takes out the amounts of a sketch merged or added before (a week leaving a window).</summary>
    public void Subtract(QuantileSketch other)
    {
        _zeros = Math.Max(0, _zeros - other._zeros);
        foreach (var (bucket, count) in other._buckets)
        {
            var next = _buckets.GetValueOrDefault(bucket) - count;
            if (next > 0)
            {
                _buckets[bucket] = next;
            }
            else
            {
                _buckets.Remove(bucket);
            }
        }
    }

    public QuantileSketch Copy()
    {
        var copy = new QuantileSketch();
        copy.Merge(this);
        return copy;
    }

    /// <summary>The amount below which <paramref name="q"/> of the cases fall; null for an empty sketch.</summary>
    public double? Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var count = Count;
        if (count == 0)
        {
            return null;
        }

        // The rank of the case at q, counted from 0, as the lower median for an even count.
        var rank = (long)Math.Floor(q * (count - 1));
        if (rank < _zeros)
        {
            return 0;
        }

        var seen = _zeros;
        foreach (var bucket in _buckets.Keys.Order())
        {
            seen += _buckets[bucket];
            if (seen > rank)
            {
                return Midpoint(bucket);
            }
        }

        return Midpoint(_buckets.Keys.Max());
    }

    public double? Median => Quantile(0.5);

    private void Change(double amount, int sign)
    {
        if (double.IsNaN(amount) || double.IsInfinity(amount) || amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "a sketch holds finite amounts ≥ 0");
        }

        if (amount == 0)
        {
            _zeros = Math.Max(0, _zeros + sign);
            return;
        }

        var bucket = BucketOf(amount);
        var next = _buckets.GetValueOrDefault(bucket) + sign;
        if (next > 0)
        {
            _buckets[bucket] = next;
        }
        else
        {
            _buckets.Remove(bucket);
        }
    }

    /// <summary>The bucket an amount &gt; 0 is counted in: bucket i holds (γ^(i−1), γ^i].</summary>
    public static int BucketOf(double amount) => (int)Math.Ceiling(Math.Log(amount) / LogGamma);

    /// <summary>What a quantile in a bucket reads as: a point within <see cref="RelativeError"/> of every amount in it.</summary>
    public static double Midpoint(int bucket) => 2 * Math.Pow(Gamma, bucket) / (Gamma + 1);
}
