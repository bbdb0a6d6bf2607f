using Monitoring.Upcoding;

namespace Monitoring.Grains.Tests.Upcoding;

public sealed class HeavyButLightTests
{
    private static CodedCase Case(string drg, int stay, decimal cost) =>
        new("C1", new DateOnly(2026, 5, 1), drg, 1m, stay, cost, cost * 0.7m, true);

    private static readonly SeverityNorm Norm = new(MedianStay: 7, MedianCost: 6000, Cases: 50);

    [Fact]
    public void A_severity_3_case_at_or_below_the_severity_5_norm_is_heavy_but_light()
    {
        Assert.True(HeavyButLight.Is(Case("ES23", 7, 6000m), Norm));
        Assert.True(HeavyButLight.Is(Case("ES21", 5, 4000m), Norm));
    }

    [Fact]
    public void A_heavy_case_that_stays_longer_or_costs_more_than_the_norm_is_not()
    {
        Assert.False(HeavyButLight.Is(Case("ES23", 9, 5000m), Norm));
        Assert.False(HeavyButLight.Is(Case("ES23", 6, 7000m), Norm));
    }

    [Fact]
    public void A_severity_5_case_or_one_without_a_norm_is_never_heavy_but_light()
    {
        Assert.False(HeavyButLight.Is(Case("ES25", 3, 1000m), Norm));
        Assert.False(HeavyButLight.Is(Case("ES23", 3, 1000m), null));
    }
}

public sealed class HeavyButLightSinceOnsetTests
{
    private static readonly UpcodingOptions Options = new();

    [Fact]
    public void SinceOnset_expects_the_hospital_s_own_share_of_light_heavy_cases_before_the_onset()
    {
        // 40 of 500 heavy cases were light before (8%, already the prior's share): 200 heavy since expect 16.
        var oe = HeavyButLight.SinceOnset(500, 40, 200, 40, Options);

        Assert.Equal(16, oe.Expected, 9);
        Assert.Equal(40, oe.Observed);
        Assert.True(HeavyButLight.Inconsistent(oe, Options));
    }

    [Fact]
    public void Heavy_cases_since_the_onset_as_light_as_before_are_consistent()
    {
        Assert.False(HeavyButLight.Inconsistent(HeavyButLight.SinceOnset(500, 40, 200, 16, Options), Options));
    }
}
