using Monitoring.Pace;

namespace Monitoring.Grains.Tests.Pace;

public sealed class YearEndSettlementTests
{
    private static readonly YearEndOptions Rules = new();

    [Fact]
    public void Tight_alliance_keeps_all_of_a_surplus()
    {
        var preview = YearEndSettlement.Preview(1000m, 900m, "tight", Rules);
        Assert.Equal((100m, 1.0m, 100m, 0m, 0m), (preview.Balance, preview.SurplusShareRetained, preview.Retained, preview.ReturnedToFund, preview.OverrunBorne));
        Assert.Equal("紧密型医共体：结余100%留用，超支自担", preview.RuleZh);
    }

    [Fact]
    public void Loose_member_keeps_half_of_a_surplus()
    {
        var preview = YearEndSettlement.Preview(1000m, 900m, "loose", Rules);
        Assert.Equal((50m, 50m), (preview.Retained, preview.ReturnedToFund));
        Assert.Equal("非紧密型医共体成员：结余50%留用、其余留归统筹基金，超支自担", preview.RuleZh);
    }

    [Fact]
    public void Overrun_is_borne_whole_whatever_the_kind()
    {
        foreach (var kind in new[] { "tight", "loose", null })
        {
            var preview = YearEndSettlement.Preview(1000m, 1150.5m, kind, Rules);
            Assert.Equal((-150.5m, 0m, 150.5m), (preview.Balance, preview.Retained, preview.OverrunBorne));
        }
    }
}
