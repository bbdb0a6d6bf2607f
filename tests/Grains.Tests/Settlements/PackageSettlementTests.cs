using Monitoring.Pace;
using Monitoring.Registry;
using Monitoring.Settlements;
using static Monitoring.Grains.Tests.Settlements.PackageFixtures;

namespace Monitoring.Grains.Tests.Settlements;

public sealed class PackageSettlementTests
{
    private static PackageStatement Statement(string level, string id, PackageOptions? options = null, decimal? score = null, FundRegistry? registry = null)
    {
        registry ??= TwoCounties();
        return PackageSettlement.Statement(PackageAccount.Find(level, id, registry)!, registry, Cells, options ?? new PackageOptions(), new YearEndOptions(), score);
    }

    [Fact]
    public void Per_head_package_is_the_insured_population_times_the_per_capita_amount()
    {
        var account = PackageAccount.Find(FundLevel.Alliance, "T", TwoCounties())!;

        Assert.Equal((500_000.00m, PaymentBasis.Advance, true), (account.Budget, account.Basis, account.PerHead));
    }

    [Fact]
    public void Alliance_without_a_per_capita_amount_keeps_its_annual_budget()
    {
        var account = PackageAccount.Find(FundLevel.Alliance, "L", TwoCounties())!;

        Assert.Equal((120_000m, PaymentBasis.AfterTheFact, false), (account.Budget, account.Basis, account.PerHead));
    }

    [Fact]
    public void Per_head_package_pays_for_its_insured_wherever_treated_and_not_for_others()
    {
        var months = Statement(FundLevel.Alliance, "T").Months;

        // January: its members' 34,000.50 and 6,000.25 of its insured treated in 凤庆县.
        Assert.Equal((17L, 40_000.75m, 6_000.25m), (months[0].Claims, months[0].FundPaid, months[0].TreatedOutside));
        // February: its insured at the non-member H3; not the Beijing patient, not 凤庆县's insured it treated.
        Assert.Equal((1_200.00m, 1_200.00m), (months[1].FundPaid, months[1].TreatedOutside));
        Assert.Equal((3_500.00m, 2_500.00m), (months[1].Provided, months[1].ProvidedElsewhere));
    }

    [Fact]
    public void County_terms_can_keep_care_outside_the_package()
    {
        var options = new PackageOptions { Counties = { [Yun] = new PackageTerms { OutsideTreatmentFromPackage = false } } };

        var t = Statement(FundLevel.Alliance, "T", options);
        var l = Statement(FundLevel.Alliance, "L", options);
        var h3 = Statement(FundLevel.Hospital, H3, options);

        Assert.Equal(34_000.50m, t.Months[0].FundPaid);
        Assert.Equal(6_000.25m + 9_000m, l.Final.Spend); // the provider's account counts what no package pays
        Assert.Equal(1_200m + 800m, h3.Final.Spend);
    }

    [Fact]
    public void Tight_alliance_is_advanced_its_package_month_by_month_less_the_reserve()
    {
        var months = Statement(FundLevel.Alliance, "T").Months;

        Assert.All(months.Take(11), m => Assert.Equal((41_666.67m, 2_083.33m, 39_583.34m), (m.Advance, m.ReserveWithheld, m.Paid)));
        Assert.Equal((41_666.63m, 2_083.33m), (months[11].Advance, months[11].ReserveWithheld));
        Assert.Equal(500_000.00m, months.Sum(m => m.Advance));
        Assert.Equal(500_000.00m - 41_200.75m, months[11].RunningBalance);
    }

    [Fact]
    public void Tight_alliance_final_settlement_keeps_the_surplus_and_returns_the_reserve_by_score()
    {
        var undecided = Statement(FundLevel.Alliance, "T").Final;
        var decided = Statement(FundLevel.Alliance, "T", score: 80m).Final;

        Assert.Equal((41_200.75m, 458_799.25m, 0m, 500_000m), (undecided.Spend, undecided.Retained, undecided.ReturnedToFund, undecided.Entitlement));
        Assert.Equal((24_999.96m, 475_000.04m), (undecided.ReserveWithheld, undecided.PaidDuringYear));
        Assert.Equal((true, 24_999.96m, 24_999.96m, 500_000m), (undecided.Provisional, undecided.ReserveReturned, undecided.FinalPayment, undecided.TotalPaid));
        Assert.Equal((false, 19_999.97m, 4_999.99m, 19_999.97m, 495_000.01m),
            (decided.Provisional, decided.ReserveReturned, decided.ReserveForfeited, decided.FinalPayment, decided.TotalPaid));
    }

    [Fact]
    public void Loose_alliance_is_paid_after_the_fact_and_keeps_half_its_surplus()
    {
        var s = Statement(FundLevel.Alliance, "L");

        Assert.Equal((9_000m, 0m, 9_000m, 450m, 8_550m), (s.Months[1].FundPaid, s.Months[1].Advance, s.Months[1].AfterTheFact, s.Months[1].ReserveWithheld, s.Months[1].Paid));
        Assert.Equal((111_000m, 55_500m, 55_500m, 64_500m), (s.Final.Balance!.Value, s.Final.Retained, s.Final.ReturnedToFund, s.Final.Entitlement));
        Assert.Equal((55_950m, 64_500m), (s.Final.FinalPayment, s.Final.TotalPaid));
    }

    [Fact]
    public void Overrun_is_borne_by_the_alliance_and_the_year_pays_the_package_only()
    {
        // 1 insured at 10 yuan: a 10-yuan package against 41,200.75 of spend.
        var s = Statement(FundLevel.Alliance, "T", registry: TwoCounties(yunInsured: 1, perHead: 10m), score: 100m);

        Assert.Equal((10m, 41_190.75m, 10m), (s.Final.Budget!.Value, s.Final.OverrunBorne, s.Final.Entitlement));
        Assert.Equal(10m, s.Months.Sum(m => m.Paid) + s.Final.FinalPayment);
    }

    [Fact]
    public void Prepayment_is_paid_in_January_and_offset_at_year_end()
    {
        var options = new PackageOptions { Defaults = new PackageTerms { PrepaymentMonths = 2, ReserveShare = 0m } };

        var s = Statement(FundLevel.Alliance, "T", options, score: 100m);

        Assert.Equal((83_333.33m, 83_333.33m + 41_666.67m), (s.Months[0].Prepayment, s.Months[0].Paid));
        Assert.Equal((83_333.33m, -83_333.33m), (s.Final.Prepayment, s.Final.FinalPayment));
        Assert.Equal(500_000m, s.Months.Sum(m => m.Paid) + s.Final.FinalPayment);
    }

    [Fact]
    public void Member_of_a_tight_alliance_is_settled_within_the_package()
    {
        var s = Statement(FundLevel.Hospital, H1);

        Assert.Equal(PaymentBasis.WithinPackage, s.Account.Basis);
        Assert.Equal((0m, 0m, 0m), (s.Months.Sum(m => m.Paid), s.Final.FinalPayment, s.Final.TotalPaid));
        Assert.Equal(30_000m + 2_500m + 1_000m, s.Months.Sum(m => m.Provided));
    }

    [Theory]
    [InlineData(null, PayerKind.HomeCounty)]
    [InlineData(Yun, PayerKind.HomeCounty)]
    [InlineData(Feng, PayerKind.OtherCounty)]
    [InlineData("110101", PayerKind.Elsewhere)]
    public void Payer_is_the_insured_county_else_the_hospital_county(string? insured, PayerKind expected)
    {
        Assert.Equal(expected, PayerRule.KindOf(insured, Yun, TwoCounties()));
    }

    [Fact]
    public void Spread_follows_the_county_profile_and_december_takes_the_rounding()
    {
        decimal[] profile = [0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.05m, 0.05m, 0.05m, 0.05m, 0.1m, 0.1m];

        var months = PackageSettlement.Spread(100.01m, profile);

        Assert.Equal(10.00m, months[1]);
        Assert.Equal(5.00m, months[7]);
        Assert.Equal(100.01m, months.Sum());
        Assert.Equal(10.01m, months[12]);
    }
}
