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
