using System.Globalization;
using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

/// <summary>The planted low-threshold admission of a demo year against what its claims alone say (<see cref="LowThresholdTruth"/>).</summary>
public sealed class LowThresholdPlantingTests(DemoYearFixture year) : IClassFixture<DemoYearFixture>
{
    private LowThresholdPlan Plan => new DemoClaimStream(year.Scenario, DemoYearFixture.Seed, DemoYearFixture.ClaimsPerYear).PlantedLowThreshold();

    private (int Stays, int ShortAndCheap) Sum(string hospitalId, Func<int, bool> month)
    {
        var shares = LowThresholdTruth.MonthlyShares(year.Claims)
            .Where(s => s.Key.HospitalId == hospitalId && month(int.Parse(s.Key.Month[5..], CultureInfo.InvariantCulture)));
        return (shares.Sum(s => s.Value.Stays), shares.Sum(s => s.Value.ShortAndCheap));
    }

    [Fact]
    public void Plan_plants_a_small_township_centre_a_level_one_private_and_a_level_two_hospital()
    {
        var planted = Plan.Planted;
        var kinds = planted.Select(p => year.Scenario.Institutions.Single(i => i.Hospital.HospitalId == p.HospitalId))
            .Select(i => (i.Kind, i.Hospital.Level)).ToList();

        Assert.Equal([(InstitutionKind.Township, 1), (InstitutionKind.Private, 1)], kinds.Take(2));
        Assert.Equal(2, kinds[2].Level);
        Assert.All(planted, p => Assert.InRange(p.Onset, new DateOnly(2026, 4, 1), new DateOnly(2026, 8, 31)));
        Assert.Equal(year.Scenario.Institutions.Count, Plan.BackgroundShares.Count);
        Assert.All(Plan.BackgroundShares.Values, share => Assert.InRange(share, 0.02, 0.05));
    }

    [Fact]
    public void Planted_hospitals_show_a_share_several_times_higher_after_the_onset_than_before()
    {
        foreach (var p in Plan.Planted)
        {
            var before = Sum(p.HospitalId, m => m < p.Onset.Month);
            var after = Sum(p.HospitalId, m => m > p.Onset.Month);
            var (shareBefore, shareAfter) = ((double)before.ShortAndCheap / before.Stays, (double)after.ShortAndCheap / after.Stays);

            Assert.True(shareAfter > 3 * shareBefore && shareAfter > 0.12, $"{p.HospitalId}: {shareBefore:P1} before, {shareAfter:P1} after {p.Onset}");
        }
    }

    [Fact]
    public void Every_other_hospital_has_a_background_of_short_cheap_stays_that_stays_put()
    {
        var planted = Plan.Planted.Select(p => p.HospitalId).ToHashSet();
        foreach (var hospital in year.Scenario.Institutions.Select(i => i.Hospital.HospitalId).Where(h => !planted.Contains(h)))
        {
            var first = Sum(hospital, m => m <= 6);
            var second = Sum(hospital, m => m > 6);
            var (shareFirst, shareSecond) = ((double)first.ShortAndCheap / first.Stays, (double)second.ShortAndCheap / second.Stays);

            Assert.True(first.ShortAndCheap + second.ShortAndCheap > 0, $"{hospital} has no short, cheap stays in the year");
            // Three stays of slack: a township centre of ten stays a month has two or three short, cheap ones a half-year,
            // and five instead of two is chance there, not a change (the detector's guard knows this too).
            Assert.True(second.ShortAndCheap < (Math.Max(2.5 * shareFirst, 0.08) * second.Stays) + 3,
                $"{hospital}: {first.ShortAndCheap}/{first.Stays} ({shareFirst:P1}) in the first half, {second.ShortAndCheap}/{second.Stays} ({shareSecond:P1}) in the second");
        }
    }
}
