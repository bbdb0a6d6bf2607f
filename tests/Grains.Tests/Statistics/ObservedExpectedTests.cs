using Monitoring.Statistics;

namespace Monitoring.Grains.Tests.Statistics;

public sealed class ObservedExpectedTests
{
    [Fact]
    public void Of_adjusts_for_case_mix_stratum_by_stratum()
    {
        // 100 cases of an often-severe ADRG (peers 60%) and 100 of a mild one (peers 10%): 70 heavy is as expected.
        var result = ObservedExpected.Of([new Stratum(100, 60, 0.6), new Stratum(100, 10, 0.1)]);

        Assert.Equal(70, result.Observed);
        Assert.Equal(70, result.Expected, 9);
        Assert.Equal(1, result.Ratio, 9);
        Assert.Equal(0, result.Z, 9);
    }

    [Fact]
    public void Of_gives_the_standardised_excess()
    {
        // E = 30, Var = 100·0.3·0.7 = 21; O = 45 → z = 15/√21
        var result = ObservedExpected.Of([new Stratum(100, 45, 0.3)]);

        Assert.Equal(15 / Math.Sqrt(21), result.Z, 9);
        Assert.Equal(1.5, result.Ratio, 9);
    }

    [Fact]
    public void UpperTail_is_the_poisson_tail()
    {
        // P(X ≥ 2 | λ = 1) = 1 − e^-1 − e^-1
        Assert.Equal(1 - (2 * Math.Exp(-1)), ObservedExpected.UpperTail(2, 1), 12);
        Assert.Equal(1, ObservedExpected.UpperTail(0, 3));
    }

    [Fact]
    public void Exceeds_keeps_small_numbers_quiet_even_at_a_large_ratio()
    {
        // 3 heavy of 4 against peers' 20%: ratio 3.75, but 0.8 expected is too little to say anything.
        var few = ObservedExpected.Of([new Stratum(4, 3, 0.2)]);

        Assert.True(few.Ratio > 3);
        Assert.False(few.Exceeds(minTrials: 30, minExpected: 5, minRatio: 1.2, maxPValue: 0.001));
    }

    [Fact]
    public void Exceeds_speaks_when_the_excess_rests_on_enough_cases()
    {
        var many = ObservedExpected.Of([new Stratum(200, 90, 0.3)]);

        Assert.True(many.Exceeds(minTrials: 30, minExpected: 5, minRatio: 1.2, maxPValue: 0.001));
    }

    [Fact]
    public void Of_nothing_is_as_expected()
    {
        var empty = ObservedExpected.Of([]);

        Assert.Equal(1, empty.Ratio);
        Assert.Equal(1, empty.PValue);
    }
}
