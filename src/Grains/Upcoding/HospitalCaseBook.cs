using Monitoring.CaseMix;
using Monitoring.LowThreshold;
using Monitoring.Statistics;

namespace Monitoring.Upcoding;

/// <summary>
/// One hospital's settled cases of the fund year, kept so that a reversal can take its case back out: split cases per
/// week and ADRG (what <see cref="CodingChange"/> reads), the severity-5 norms of stay and cost per ADRG
/// (<see cref="QuantileSketch"/>, which can remove), and the month-by-DRG sums the case-mix indicators need.
/// </summary>
public sealed class HospitalCaseBook(int fundYear)
{
    /// <summary>Weeks a fund year can touch: 1 January to 31 December is 53 weeks counted from 1 January.</summary>
    public const int WeeksInYear = SettlementWeek.PerYear;

    /// <summary>Norms from fewer severity-5 cases than this say too little to call a heavy case light.</summary>
    public const int MinNormCases = 10;

    private readonly Dictionary<string, CodedCase> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeverityCount>[] _weeks = [.. Enumerable.Range(0, WeeksInYear).Select(_ => new Dictionary<string, SeverityCount>(StringComparer.Ordinal))];
    private readonly Dictionary<string, (QuantileSketch Stay, QuantileSketch Cost)> _norms = new(StringComparer.Ordinal);

    /// <summary>Sum of the severity-5 cases' weights per ADRG: what an uncomplicated case of the group weighs here.</summary>
    private readonly Dictionary<string, decimal> _lightWeights = new(StringComparer.Ordinal);

    public int Cases => _cases.Count;

    /// <summary>The fund year the book holds.</summary>
    public int FundYear => fundYear;

    /// <summary>The week of the fund year a day falls in (<see cref="SettlementWeek.InYear"/>), or null outside the year.</summary>
    public int? WeekOf(DateOnly day) => day.Year == fundYear ? SettlementWeek.InYear(day) : null;

    public DateOnly WeekStart(int week) => SettlementWeek.Start(fundYear, week);

    /// <summary>Takes a case in; false when it is outside the fund year or already held.</summary>
    public bool Add(CodedCase c)
    {
        if (WeekOf(c.SettledDay) is not { } week || !_cases.TryAdd(c.ClaimId, c))
        {
            return false;
        }

        Change(c, week, +1);
        return true;
    }

    /// <summary>Takes a reversed case back out; null when it was never held (another year, or not a case).</summary>
    public CodedCase? Remove(string claimId)
    {
        if (!_cases.Remove(claimId, out var c))
        {
            return null;
        }

        Change(c, WeekOf(c.SettledDay)!.Value, -1);
        return c;
    }

    /// <summary>The split cases per ADRG of weeks 0 to <paramref name="closedWeeks"/> − 1.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, SeverityCount>> Weeks(int closedWeeks) =>
        [.. _weeks.Take(Math.Clamp(closedWeeks, 0, WeeksInYear))];

    public SeverityNorm? NormOf(string adrg) =>
        _norms.TryGetValue(adrg, out var n) && n.Stay.Count >= MinNormCases
            ? new SeverityNorm(n.Stay.Median!.Value, n.Cost.Median!.Value, n.Stay.Count)
            {
                MeanWeight = decimal.Round(_lightWeights.GetValueOrDefault(adrg) / n.Stay.Count, 4),
            }
            : null;

    /// <summary>
    /// The heavy cases settled from <paramref name="from"/> up to the end of <paramref name="through"/>, and those of them
    /// that are heavy but light, oldest first.
    /// </summary>
    public (long Heavy, IReadOnlyList<CodedCase> Light) HeavyButLightBetween(DateOnly from, DateOnly through)
    {
        long heavy = 0;
        var light = new List<CodedCase>();
        var norms = new Dictionary<string, SeverityNorm?>(StringComparer.Ordinal);
        foreach (var c in _cases.Values)
        {
            if (c.SettledDay < from || c.SettledDay > through || !c.IsHeavy)
            {
                continue;
            }

            heavy++;
            var adrg = c.Adrg!;
            if (!norms.TryGetValue(adrg, out var norm))
            {
                norms[adrg] = norm = NormOf(adrg);
            }

            if (HeavyButLight.Is(c, norm))
            {
                light.Add(c);
            }
        }

        light.Sort((a, b) => a.SettledDay != b.SettledDay ? a.SettledDay.CompareTo(b.SettledDay) : string.CompareOrdinal(a.ClaimId, b.ClaimId));
        return (heavy, light);
    }

    /// <summary>The sums per month and DRG (null: 未入组) the case-mix indicators are computed from.</summary>
    public DrgMonth[] Months() =>
        [.. _cases.Values
            .GroupBy(c => (Month: c.SettledDay.Month, c.DrgCode))
            .Select(g => new DrgMonth(g.Key.Month, g.Key.DrgCode, g.Count(), g.Sum(c => c.Weight), g.Sum(c => (long)c.LengthOfStay),
                g.Sum(c => c.TotalCost), g.Sum(c => c.FundPaid), g.Where(c => c.PaidByDrg).Sum(c => c.FundPaid)))
            .OrderBy(m => m.Month).ThenBy(m => m.DrgCode, StringComparer.Ordinal)];

    private void Change(CodedCase c, int week, int sign)
    {
        if (!c.IsSplit)
        {
            return;
        }

        var adrg = c.Adrg!;
        var count = _weeks[week].GetValueOrDefault(adrg) + new SeverityCount(sign, c.IsHeavy ? sign : 0);
        if (count.Cases > 0)
        {
            _weeks[week][adrg] = count;
        }
        else
        {
            _weeks[week].Remove(adrg);
        }

        if (c.Severity == 5)
        {
            if (!_norms.TryGetValue(adrg, out var norm))
            {
                _norms[adrg] = norm = (new QuantileSketch(), new QuantileSketch());
            }

            _lightWeights[adrg] = _lightWeights.GetValueOrDefault(adrg) + (sign * c.Weight);
            if (sign > 0)
            {
                norm.Stay.Add(c.LengthOfStay);
                norm.Cost.Add((double)c.TotalCost);
            }
            else
            {
                norm.Stay.Remove(c.LengthOfStay);
                norm.Cost.Remove((double)c.TotalCost);
            }
        }
    }
}
