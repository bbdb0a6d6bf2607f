namespace Monitoring.Demo;

/// <summary>Which groups a hospital treats, how often, and what a case costs the fund on average before scaling.</summary>
internal sealed class HospitalMix
{
    private readonly double[] _cumulative;

    private HospitalMix(double[] cumulative, decimal expectedFundPerCase)
    {
        _cumulative = cumulative;
        ExpectedFundPerCase = expectedFundPerCase;
    }

    public decimal ExpectedFundPerCase { get; }

    public static HospitalMix Of(int level, InstitutionKind kind)
    {
        // A level-3 hospital takes the county's harder surgery: referrals weigh its mix toward operations.
        var weights = DrgCatalogue.All
            .Select(a => level < a.MinimumLevel ? 0 : a.Mix.For(kind) * (level == 3 && a.IsSurgical ? 1.6 : 1.0))
            .ToArray();
        var total = weights.Sum();
        var cumulative = new double[weights.Length];
        var running = 0.0;
        var expected = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
            expected += (decimal)(weights[i] / total) * DrgCatalogue.MeanCost(DrgCatalogue.All[i]);
        }

        return new HospitalMix(cumulative, expected * DrgCatalogue.LevelCostFactor(level) * FundShares.Expected(level));
    }

    public int Pick(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        index = index < 0 ? ~index : index;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
