using Monitoring.Registry;
using Monitoring.Settlements;

namespace Monitoring.Assessment;

/// <summary>
/// 指标考核: the indicators of the packaged-payment rules, computed from the fund year's standing books. Rates about the
/// insured (admission, in-county, out-of-county, primary level, cost growth) count the county's insured wherever they
/// were treated (payer view); DRG indicators count what the subject's own hospitals provided (provider view). Values are
/// percent to two decimals; the admission rate and cost growth are annualised over the months counted.
/// </summary>
public static class AssessmentIndicators
{
    public static AssessmentReading Read(string level, string id, FundRegistry registry, IReadOnlyList<PackageCell> cells, PackageTerms terms, int monthsCounted)
    {
        var countyId = level == FundLevel.County ? id : registry.Alliances[id].County.CountyId;
        var county = registry.Counties[countyId].County;
        var own = level == FundLevel.County
            ? registry.HospitalsOfCounty(id).ToHashSet(StringComparer.Ordinal)
            : registry.HospitalsOfAlliance(id).ToHashSet(StringComparer.Ordinal);
        var counted = cells.Where(c => c.Month >= 1 && c.Month <= monthsCounted).ToList();
        var insured = counted.Where(c => registry.PlacementOf(c.HospitalId) is { } p
            && PayerRule.PayingCounty(c.InsuredCountyId, p.CountyId, registry) == countyId).ToList();
        var provided = counted.Where(c => own.Contains(c.HospitalId)).ToList();

        var t = terms.Targets;
        var w = terms.Weights;
        var heads = county.InsuredPopulation;
        var annual = monthsCounted > 0 ? 12m / monthsCounted : 0m;
        IndicatorReading[] indicators =
        [
            Indicator(IndicatorCodes.AdmissionRate, AtMost, t.AdmissionRate, w.AdmissionRate,
                Sum(insured, c => c.Settlements), heads, annual, m => Sum(insured, c => c.Settlements, m), heads, 12m, monthsCounted),
            Share(IndicatorCodes.InCountyRate, AtLeast, t.InCountyRate, w.InCountyRate, insured, c => InCounty(c) ? c.Settlements : 0, c => c.Settlements, monthsCounted),
            Share(IndicatorCodes.OutOfCountyRate, AtMost, t.OutOfCountyRate, w.OutOfCountyRate, insured, c => InCounty(c) ? 0 : c.Settlements, c => c.Settlements, monthsCounted),
            Share(IndicatorCodes.PrimaryShare, AtLeast, t.PrimaryShare, w.PrimaryShare, insured, c => IsPrimary(c) ? c.Settlements : 0, c => c.Settlements, monthsCounted),
            Growth(t.CostGrowth, w.CostGrowth, insured, level == FundLevel.County ? county.PriorYearFundSpend : null, monthsCounted),
            Share(IndicatorCodes.DrgGroupingRate, AtLeast, t.DrgGroupingRate, w.DrgGroupingRate, provided, c => c.DrgGrouped, c => c.Settlements, monthsCounted),
            Share(IndicatorCodes.DrgFundShare, AtLeast, t.DrgFundShare, w.DrgFundShare, provided, c => c.DrgFundPaid, c => c.FundPaid, monthsCounted),
        ];

        var weighed = indicators.Where(i => i.Earned is not null).ToList();
        var weights = weighed.Sum(i => i.Weight);
        decimal? score = weights > 0 ? decimal.Round(100m * weighed.Sum(i => i.Earned!.Value) / weights, 2) : null;
        return new AssessmentReading(level, id, countyId, registry.FundYear, monthsCounted, indicators, score);

        bool InCounty(PackageCell c) => registry.PlacementOf(c.HospitalId)?.CountyId == countyId;
        bool IsPrimary(PackageCell c) => registry.Hospitals.TryGetValue(c.HospitalId, out var h) && h.Hospital.Level == 1;
    }

    private const string AtMost = "at-most";
    private const string AtLeast = "at-least";

    private static decimal Sum(IEnumerable<PackageCell> cells, Func<PackageCell, decimal> pick, int? month = null) =>
        cells.Where(c => month is null || c.Month == month).Sum(pick);

    private static IndicatorReading Share(string code, string direction, decimal target, decimal weight, IReadOnlyList<PackageCell> cells,
        Func<PackageCell, decimal> numerator, Func<PackageCell, decimal> denominator, int monthsCounted) =>
        Indicator(code, direction, target, weight, Sum(cells, numerator), Sum(cells, denominator), 1m,
            m => Sum(cells, numerator, m), m => Sum(cells, denominator, m), 1m, monthsCounted);

    private static IndicatorReading Indicator(string code, string direction, decimal target, decimal weight,
        decimal numerator, decimal? denominator, decimal scale, Func<int, decimal> monthNumerator, decimal? monthDenominator, decimal monthScale, int monthsCounted) =>
        Indicator(code, direction, target, weight, numerator, denominator, scale, monthNumerator, _ => monthDenominator, monthScale, monthsCounted);

    private static IndicatorReading Indicator(string code, string direction, decimal target, decimal weight,
        decimal numerator, decimal? denominator, decimal scale, Func<int, decimal> monthNumerator, Func<int, decimal?> monthDenominator,
        decimal monthScale, int monthsCounted)
    {
        var value = Percent(numerator, denominator, scale);
        var trend = new decimal?[12];
        for (var m = 1; m <= monthsCounted; m++)
        {
            trend[m - 1] = Percent(monthNumerator(m), monthDenominator(m), monthScale);
        }

        return Judge(code, direction, target, weight, value, numerator, denominator ?? 0m, trend);
    }

    /// <summary>Cost growth: the spend so far annualised against the prior year's; month by month, the same on the spend to that month.</summary>
    private static IndicatorReading Growth(decimal target, decimal weight, IReadOnlyList<PackageCell> insured, decimal? prior, int monthsCounted)
    {
        var spend = Sum(insured, c => c.FundPaid);
        var trend = new decimal?[12];
        decimal? value = null;
        if (prior is > 0 && monthsCounted > 0)
        {
            var cumulative = 0m;
            for (var m = 1; m <= monthsCounted; m++)
            {
                cumulative += Sum(insured, c => c.FundPaid, m);
                trend[m - 1] = decimal.Round((cumulative * 12m / m / prior.Value - 1m) * 100m, 2);
            }

            value = trend[monthsCounted - 1];
        }

        return Judge(IndicatorCodes.CostGrowth, AtMost, target, weight, value, spend, prior ?? 0m, trend);
    }

    private static decimal? Percent(decimal numerator, decimal? denominator, decimal scale) =>
        denominator is > 0 ? decimal.Round(numerator * scale * 100m / denominator.Value, 2) : null;

    /// <summary>
    /// Met earns the whole weight; missed earns it in proportion to how near it came (value over target for an at-least
    /// target, target over value for an at-most one); no data earns nothing and weighs nothing.
    /// </summary>
    private static IndicatorReading Judge(string code, string direction, decimal target, decimal weight, decimal? value,
        decimal numerator, decimal denominator, decimal?[] trend)
    {
        if (value is not { } v)
        {
            return new IndicatorReading(code, direction, target, null, "no-data", numerator, denominator, trend, weight, null);
        }

        var met = direction == AtMost ? v <= target : v >= target;
        var ratio = met ? 1m
            : direction == AtLeast ? Math.Clamp(v / target, 0m, 1m)
            : Math.Clamp(target <= 0 ? 0m : target / v, 0m, 1m);
        return new IndicatorReading(code, direction, target, v, met ? "met" : "missed", numerator, denominator, trend, weight,
            decimal.Round(weight * ratio, 4));
    }
}
