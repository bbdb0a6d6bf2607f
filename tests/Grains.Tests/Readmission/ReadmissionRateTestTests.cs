using MathNet.Numerics.Distributions;
using Monitoring.Alerts;
using Monitoring.Readmission;

namespace Monitoring.Grains.Tests.Readmission;

/// <summary>
/// The readmission-rate test with known counts: hospitals whose pairs are drawn at their reference rate, tested every
/// day of a year, and hospitals that readmit at a multiple of it.
/// </summary>
public sealed class ReadmissionRateTestTests
{
    private static readonly ReadmissionThresholds Defaults = new();
    private static readonly DateOnly January1 = new(2026, 1, 1);

    /// <summary>A prefecture the size of the one issue 23 was tried on.</summary>
    private const int Hospitals = 69;

    private static readonly double Threshold = ReadmissionRateTest.Threshold(Hospitals, Defaults);

    [Fact]
    public void Threshold_pays_for_every_hospital_and_day_tested() =>
        Assert.Equal(Math.Log(365.0 * Hospitals / 0.05), Threshold, 9);

    [Fact]
    public void Steady_hospitals_tested_daily_for_a_year_raise_no_more_than_the_set_error_rate()
    {
        // 200 prefecture-years of 69 hospitals from a township centre's 300 discharges a year to a city hospital's 20,000,
        // each readmitting at its reference rate (0.4% to 8%): the bound allows a false alert in 5% of prefecture-years.
        var random = new Random(23);
        const int PrefectureYears = 200;
        var yearsWithAnAlert = 0;
        var alerts = 0;
        for (var year = 0; year < PrefectureYears; year++)
        {
            var any = false;
            for (var h = 0; h < Hospitals; h++)
            {
                var dischargesPerDay = (300 + (19_700 * Math.Pow(random.NextDouble(), 3))) / 365;
                var rate = 0.004 + (0.076 * random.NextDouble());
                var track = RateTrack.Quiet;
                for (var d = 0; d < 365; d++)
                {
                    var discharges = Poisson.Sample(random, dischargesPerDay);
                    var pairs = discharges == 0 ? 0 : Binomial.Sample(random, rate, discharges);
                    var judgement = ReadmissionRateTest.Judge(track, January1.AddDays(d), discharges, pairs, rate, Threshold, Defaults);
                    track = judgement.Next;
                    if (judgement.Transition == AlertTransition.Raised)
                    {
                        alerts++;
                        any = true;
                    }
                }
            }

            yearsWithAnAlert += any ? 1 : 0;
        }

        Assert.True(yearsWithAnAlert <= PrefectureYears * Defaults.RateFamilyError, $"{yearsWithAnAlert} of {PrefectureYears} prefecture-years had a false alert ({alerts} alerts)");
    }

    [Fact]
    public void Hospital_at_twice_its_reference_with_5000_discharges_a_year_is_found_within_60_days()
    {
        // 5,000 discharges a year spread evenly, 5% expected, 10% seen: exactly twice the reference every day.
        var (day, judgement) = FirstRaise(dischargesPerYear: 5_000, reference: 0.05, ratio: 2.0);

        Assert.NotNull(judgement);
        Assert.InRange(day, 1, 60);
        Assert.Equal(January1, judgement!.Evidence.Onset);
        Assert.InRange(judgement.Evidence.RunRatio, 1.9, 2.1);
        Assert.True(ReadmissionRateTest.Tail(judgement.Evidence) < 1e-5);
    }

    [Fact]
    public void Hospitals_at_twice_their_reference_drawn_by_chance_are_mostly_found_within_60_days()
    {
        var random = new Random(7);
        var delays = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            var track = RateTrack.Quiet;
            var found = 366;
            for (var d = 0; d < 365 && found > 365; d++)
            {
                var discharges = Poisson.Sample(random, 5_000 / 365.0);
                var pairs = discharges == 0 ? 0 : Binomial.Sample(random, 0.10, discharges);
                var judgement = ReadmissionRateTest.Judge(track, January1.AddDays(d), discharges, pairs, 0.05, Threshold, Defaults);
                track = judgement.Next;
                found = judgement.Transition == AlertTransition.Raised ? d + 1 : found;
            }

            delays.Add(found);
        }

        delays.Sort();
        Assert.True(delays[delays.Count / 2] <= 60, $"median {delays[delays.Count / 2]} days");
        Assert.True(delays[^1] <= 365, "one of 200 never found");
    }

    [Fact]
    public void Excess_below_the_minimum_effect_never_raises_however_many_discharges()
    {
        // 100,000 discharges a year at 1.45 times: the evidence crosses the threshold within the year, the effect is too small to act on.
        var (_, judgement) = FirstRaise(dischargesPerYear: 100_000, reference: 0.05, ratio: 1.45);

        Assert.Null(judgement);
    }

    [Fact]
    public void Township_centre_whose_pairs_bunch_by_chance_is_not_raised()
    {
        // 500 discharges a year at 0.4% expect two pairs a year; six in one fortnight is twelve times the year's rate.
        var track = RateTrack.Quiet;
        for (var d = 0; d < 365; d++)
        {
            var pairs = d is >= 100 and < 114 && d % 2 == 0 ? 1 : 0;
            var judgement = ReadmissionRateTest.Judge(track, January1.AddDays(d), d % 3 == 0 ? 2 : 1, pairs, 0.004, Threshold, Defaults);
            Assert.Null(judgement.Transition);
            track = judgement.Next;
        }
    }

    [Fact]
    public void Raised_hospital_that_keeps_splitting_stays_raised_and_one_back_to_expected_clears_once()
    {
        var (day, raised) = FirstRaise(dischargesPerYear: 5_000, reference: 0.05, ratio: 2.0);
        var track = raised!.Next;
        Assert.True(track.Raised);

        // Still at twice: nothing more is said.
        for (var d = day; d < day + 60; d++)
        {
            var judgement = Even(track, d, 5_000, 0.05, 2.0);
            Assert.Null(judgement.Transition);
            track = judgement.Next;
        }

        // Back to the reference: cleared once, after the evidence for it has built up, and quiet after.
        var transitions = new List<(int Day, AlertTransition Transition)>();
        for (var d = day + 60; d < day + 300; d++)
        {
            var judgement = Even(track, d, 5_000, 0.05, 1.0);
            if (judgement.Transition is { } t)
            {
                transitions.Add((d - day - 60, t));
            }

            track = judgement.Next;
        }

        var (after, transition) = Assert.Single(transitions);
        Assert.Equal(AlertTransition.Cleared, transition);
        Assert.InRange(after, 5, 60);
        Assert.False(track.Raised);
    }

    /// <summary>A day of a hospital with the year's discharges spread evenly and pairs at exactly ratio × reference, cumulated without rounding drift.</summary>
    private static RateJudgement Even(RateTrack track, int d, int dischargesPerYear, double reference, double ratio)
    {
        int Upto(int day) => (int)Math.Floor(dischargesPerYear * (day / 365.0));
        int PairsUpto(int day) => (int)Math.Floor(dischargesPerYear * (day / 365.0) * reference * ratio);
        return ReadmissionRateTest.Judge(track, January1.AddDays(d), Upto(d + 1) - Upto(d), PairsUpto(d + 1) - PairsUpto(d), reference, Threshold, Defaults);
    }

    private static (int Day, RateJudgement? Judgement) FirstRaise(int dischargesPerYear, double reference, double ratio)
    {
        var track = RateTrack.Quiet;
        for (var d = 0; d < 365; d++)
        {
            var judgement = Even(track, d, dischargesPerYear, reference, ratio);
            if (judgement.Transition == AlertTransition.Raised)
            {
                return (d + 1, judgement);
            }

            track = judgement.Next;
        }

        return (0, null);
    }
}
