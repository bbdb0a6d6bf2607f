using Monitoring.CaseMix;
using Monitoring.Claims;
using Monitoring.Upcoding;

namespace Monitoring.Grains.Tests.Upcoding;

public sealed class HospitalCaseBookTests
{
    private static CodedCase Case(string id, DateOnly day, string? drg, int stay = 5, decimal cost = 5000m) =>
        new(id, day, drg, drg is null ? 0 : 1.0m, stay, cost, cost * 0.7m, drg is not null);

    [Fact]
    public void Cases_count_in_their_settlement_week_by_adrg_and_a_reversal_takes_its_case_back_out()
    {
        var book = new HospitalCaseBook(2026);
        book.Add(Case("A", new DateOnly(2026, 1, 1), "ES23"));
        book.Add(Case("B", new DateOnly(2026, 1, 7), "ES25"));
        book.Add(Case("C", new DateOnly(2026, 1, 8), "ES21"));
        book.Add(Case("D", new DateOnly(2026, 1, 8), "CB39"));  // not split by severity: not counted
        book.Add(Case("E", new DateOnly(2026, 1, 8), null));    // ungrouped: not counted

        Assert.Equal(new SeverityCount(2, 1), book.Weeks(2)[0]["ES2"]);
        Assert.Equal(new SeverityCount(1, 1), book.Weeks(2)[1]["ES2"]);
        Assert.Single(book.Weeks(2)[1]);

        Assert.True(book.Remove(Case("C", new DateOnly(2026, 1, 8), "ES21")));
        Assert.Empty(book.Weeks(2)[1]);
        Assert.False(book.Remove(Case("C", new DateOnly(2025, 12, 31), "ES21")));
    }

    [Fact]
    public void A_case_of_another_year_is_not_taken()
    {
        var book = new HospitalCaseBook(2026);

        Assert.False(book.Add(Case("A", new DateOnly(2025, 12, 31), "ES23")));
        Assert.True(book.Add(Case("B", new DateOnly(2026, 12, 31), "ES23")));
        Assert.Equal(1, book.Cases);
        Assert.Equal(52, book.WeekOf(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Heavy_but_light_cases_are_judged_against_the_hospital_s_own_severity_5_median()
    {
        var book = new HospitalCaseBook(2026);
        for (var i = 0; i < HospitalCaseBook.MinNormCases; i++)
        {
            book.Add(Case($"N{i}", new DateOnly(2026, 2, 1), "ES25", stay: 6, cost: 6000m));
        }

        book.Add(Case("LIGHT", new DateOnly(2026, 5, 4), "ES23", stay: 6, cost: 5800m));
        book.Add(Case("REAL", new DateOnly(2026, 5, 5), "ES21", stay: 10, cost: 9000m));
        book.Add(Case("EARLY", new DateOnly(2026, 3, 1), "ES23", stay: 4, cost: 3000m));

        var (heavy, light) = book.HeavyButLightBetween(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31));
        CodedCase[] read = [Case("LIGHT", new DateOnly(2026, 5, 4), "ES23", stay: 6, cost: 5800m),
            Case("REAL", new DateOnly(2026, 5, 5), "ES21", stay: 10, cost: 9000m), Case("EARLY", new DateOnly(2026, 3, 1), "ES23", stay: 4, cost: 3000m)];

        Assert.Equal(2, heavy);
        Assert.Equal(1, light);
        Assert.Equal(["LIGHT"], book.HeavyButLightAmong(read, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)).Select(c => c.ClaimId));
    }

    [Fact]
    public void Heavy_cases_kept_as_stay_and_cost_bucket_are_light_exactly_when_the_case_itself_is_against_any_norm()
    {
        // Costs on both sides of every bound a norm can read as, stays on both sides of the median stay: the kept key and
        // the case must agree on each, or the counts would drift from the examples read back from the ledger.
        var norms = new[] { 0.0, 1.0, 99.0, 5000.0, 6000.0, 12345.6 }
            .SelectMany(cost => new[] { 1.0, 4.0, 6.0 }.Select(stay => (Stay: stay, Cost: cost)))
            .Select(n => new SeverityNorm(Read(n.Stay), Read(n.Cost), 10)).ToList();
        var costs = norms.Select(n => n.MedianCost).Distinct()
            .SelectMany(m => new[] { 0m, 0.5m, 1m }.Concat(new[] { 0.9998, 0.99995, 0.99999, 1.0, 1.00001, 1.0001, 1.02, 0.98 }.Select(f => (decimal)(m * f))))
            .Distinct().ToList();
        var checkedPairs = 0;
        foreach (var norm in norms)
        {
            foreach (var cost in costs)
            {
                foreach (var stay in new[] { 0, 1, 3, 4, 5, 6, 7 })
                {
                    var c = Case($"X{checkedPairs}", new DateOnly(2026, 5, 4), "ES23", stay, decimal.Round(cost, 2));
                    Assert.Equal(HeavyButLight.Is(c, norm), HeavyButLight.Is(StayAndCost.Of(c), norm));
                    checkedPairs++;
                }
            }
        }

        Assert.True(checkedPairs > 1000);
    }

    // What a sketch reads back for a value: the midpoint of its bucket, as a norm is.
    private static double Read(double amount)
    {
        var sketch = new Monitoring.Statistics.QuantileSketch();
        sketch.Add(amount);
        return sketch.Median!.Value;
    }

    [Fact]
    public void Months_sum_cases_weights_stays_costs_and_fund_paid_per_drg_with_ungrouped_apart()
    {
        var book = new HospitalCaseBook(2026);
        book.Add(Case("A", new DateOnly(2026, 3, 2), "ES23", stay: 4, cost: 1000m));
        book.Add(Case("B", new DateOnly(2026, 3, 9), "ES23", stay: 6, cost: 3000m));
        book.Add(Case("C", new DateOnly(2026, 3, 9), null, stay: 2, cost: 500m));

        var months = book.Months();

        var es23 = Assert.Single(months, m => m.DrgCode == "ES23");
        Assert.Equal((3, 2L, 2.0m, 10L, 4000m), (es23.Month, es23.Cases, es23.WeightSum, es23.StayDays, es23.TotalCost));
        Assert.Equal(1, Assert.Single(months, m => m.DrgCode is null).Cases);
    }

    [Fact]
    public void CodedCase_of_a_settlement_reads_adrg_severity_stay_and_whether_it_was_paid_by_drg()
    {
        var c = CodedCase.From(new ClaimEvent
        {
            ClaimId = "S1",
            Kind = ClaimKind.Settlement,
            SettledAt = new DateTimeOffset(2026, 4, 30, 23, 30, 0, TimeSpan.FromHours(8)),
            HospitalId = "H53092200001",
            AdmissionDate = new DateOnly(2026, 4, 20),
            DischargeDate = new DateOnly(2026, 4, 27),
            DrgCode = "ES21",
            DrgWeight = 1.33m,
            PaymentMethod = "drg",
            TotalCost = 9000m,
            FundPaid = 6000m,
        })!;

        Assert.Equal(("ES2", 1, true, 7, true), (c.Adrg, c.Severity, c.IsHeavy, c.LengthOfStay, c.PaidByDrg));
        Assert.Equal(new DateOnly(2026, 4, 30), c.SettledDay);
    }
}
