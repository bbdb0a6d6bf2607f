using Monitoring.Statistics;

namespace Monitoring.Grains.Tests.Statistics;

public sealed class PoissonCusumTests
{
    [Fact]
    public void Log_likelihood_ratio_is_the_counts_log_ratio_less_the_expected_excess() =>
        Assert.Equal((3 * Math.Log(2)) - 1.5, PoissonCusum.LogLikelihoodRatio(3, 1.5, 2), 12);

    [Fact]
    public void Step_never_goes_below_zero() =>
        Assert.Equal(0, PoissonCusum.Step(0.2, 0, 4, 2));

    [Fact]
    public void Family_threshold_is_the_log_of_tests_over_the_error_rate() =>
        Assert.Equal(Math.Log(365 * 50 / 0.05), PoissonCusum.FamilyThreshold(365, 50, 0.05), 9);

    [Fact]
    public void Ratio_of_one_or_less_is_no_alternative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonCusum.LogLikelihoodRatio(1, 1, 1));
}
