using Monitoring.Statistics;

namespace Monitoring.Grains.Tests.Statistics;

public sealed class BernoulliCusumTests
{
    [Fact]
    public void LogLikelihoodRatio_of_known_counts_matches_the_binomial_formula()
    {
        // 12 of 40 at 0.3 → 0.37: 12·ln(0.37/0.3) + 28·ln(0.63/0.7)
        var expected = (12 * Math.Log(0.37 / 0.3)) + (28 * Math.Log(0.63 / 0.7));

        Assert.Equal(expected, BernoulliCusum.LogLikelihoodRatio(40, 12, 0.3, 0.37), 12);
    }

    [Fact]
    public void Step_never_goes_below_zero_when_the_period_looks_like_the_baseline()
    {
        Assert.Equal(0, BernoulliCusum.Step(0.5, 100, 10, 0.3, 0.37));
    }

    [Fact]
    public void Step_adds_evidence_when_the_period_looks_like_the_shift()
    {
        var after = BernoulliCusum.Step(1.0, 40, 20, 0.3, 0.37);

        Assert.Equal(1.0 + BernoulliCusum.LogLikelihoodRatio(40, 20, 0.3, 0.37), after, 12);
    }

    [Fact]
    public void Track_remembers_the_period_its_run_began_as_the_onset()
    {
        var track = CusumTrack.Quiet
            .Add(1, 40, 8, 0.3, 0.37)   // below baseline: stays quiet
            .Add(2, 40, 20, 0.3, 0.37)  // the run begins
            .Add(3, 40, 18, 0.3, 0.37);

        Assert.Equal(2, track.OnsetPeriod);
        Assert.Equal(80, track.RunTrials);
        Assert.Equal(38, track.RunEvents);
        Assert.Equal(24, track.RunExpected, 9);
        Assert.True(track.Statistic > 0);
    }

    [Fact]
    public void Track_returns_to_quiet_and_forgets_the_onset_when_the_evidence_is_spent()
    {
        var track = CusumTrack.Quiet.Add(1, 40, 14, 0.3, 0.37).Add(2, 200, 40, 0.3, 0.37);

        Assert.Equal(CusumTrack.Quiet, track);
    }

    [Fact]
    public void Track_finds_a_ten_percent_move_within_weeks_and_stays_quiet_without_it()
    {
        // A hospital of 60 cases a week at a 30% heavy share; from week 20 a tenth of its light cases turn heavy
        // (37%). Counts are the expected ones, so the test is exact: each changed week adds about 0.61 to the
        // statistic, so h = 5 is crossed in the ninth week; a full year at the baseline never crosses it.
        const double baseline = 0.30, threshold = 5;
        var shifted = RateShift.MovedFraction(baseline, 0.10);
        var steady = CusumTrack.Quiet;
        for (var week = 1; week <= 52; week++)
        {
            steady = steady.Add(week, 60, 18, baseline, shifted);
            Assert.False(steady.Crosses(threshold));
        }

        var changed = CusumTrack.Quiet;
        int? alarmWeek = null;
        for (var week = 20; week <= 52 && alarmWeek is null; week++)
        {
            changed = changed.Add(week, 60, 22, baseline, shifted); // 22 of 60 ≈ 37%
            alarmWeek = changed.Crosses(threshold) ? week : null;
        }

        Assert.NotNull(alarmWeek);
        Assert.Equal(28, alarmWeek);
        Assert.Equal(20, changed.OnsetPeriod);
    }

    [Fact]
    public void MovedFraction_moves_a_share_of_what_is_left()
    {
        Assert.Equal(0.37, RateShift.MovedFraction(0.30, 0.10), 12);
        Assert.Equal(0.64, RateShift.MovedFraction(0.60, 0.10), 12);
    }

    [Fact]
    public void SmoothedRate_pulls_few_cases_towards_the_reference()
    {
        Assert.Equal(0.375, SmoothedRate.Of(3, 4, 0.30, 20), 12);
        Assert.Equal(0.30, SmoothedRate.Of(0, 0, 0.30, 20), 12);
        Assert.Equal(0.5, SmoothedRate.Of(5000, 10000, 0.30, 20), 2);
    }
}
