using Monitoring.Watch;
using Monitoring.CaseMix;
using Monitoring.Statistics;

namespace Monitoring.Upcoding;

/// <summary>
/// What one hospital's coding watch knows of its settled cases of the fund year, as sums a reversal can take its case
/// back out of (the watch reads the reversed case from the ledger): split cases per week and ADRG (what
/// <see cref="CodingChange"/> reads), the severity-5 norms of stay and cost per ADRG (<see cref="QuantileSketch"/>, which
/// can remove), the heavy cases per week and ADRG by stay and cost bucket (<see cref="StayAndCost"/>: enough to count the
/// heavy-but-light against any norm), and the month-by-DRG sums the case-mix indicators need. No claim is kept: the
/// book is bounded by the year's weeks, the ADRGs and the stays and cost buckets they show, not by the claims.
/// </summary>
public sealed class HospitalCaseBook(int fundYear)
{
    /// <summary>Weeks a fund year can touch: 1 January to 31 December is 53 weeks counted from 1 January.</summary>
    public const int WeeksInYear = SettlementWeek.PerYear;

    /// <summary>Norms from fewer severity-5 cases than this say too little to call a heavy case light.</summary>
    public const int MinNormCases = 10;

    private readonly Dictionary<string, SeverityCount>[] _weeks = [.. Enumerable.Range(0, WeeksInYear).Select(_ => new Dictionary<string, SeverityCount>(StringComparer.Ordinal))];
    private readonly Dictionary<string, Dictionary<StayAndCost, int>>[] _heavy = [.. Enumerable.Range(0, WeeksInYear).Select(_ => new Dictionary<string, Dictionary<StayAndCost, int>>(StringComparer.Ordinal))];
    private readonly Dictionary<string, (QuantileSketch Stay, QuantileSketch Cost)> _norms = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Month, string? DrgCode), DrgMonth> _months = [];

    /// <summary>Sum of the severity-5 cases' weights per ADRG: what an uncomplicated case of the group weighs here.</summary>
    private readonly Dictionary<string, decimal> _lightWeights = new(StringComparer.Ordinal);

    public long Cases { get; private set; }

    /// <summary>The fund year the book holds.</summary>
    public int FundYear => fundYear;

    /// <summary>Counters the book holds (week, norm, heavy and month entries): its size, whatever the claims.</summary>
    public int Entries =>
        _weeks.Sum(w => w.Count) + _heavy.Sum(w => w.Values.Sum(a => a.Count)) + _months.Count
        + _norms.Values.Sum(n => n.Stay.Buckets + n.Cost.Buckets);

    /// <summary>The week of the fund year a day falls in (<see cref="SettlementWeek.InYear"/>), or null outside the year.</summary>
    public int? WeekOf(DateOnly day) => day.Year == fundYear ? SettlementWeek.InYear(day) : null;

    public DateOnly WeekStart(int week) => SettlementWeek.Start(fundYear, week);

    /// <summary>Takes a case in; false when it is outside the fund year. The watch's cursor takes each row once.</summary>
    public bool Add(CodedCase c) => Change(c, +1);

    /// <summary>Takes a reversed case back out; false when it is outside the fund year (it was never taken in).</summary>
    public bool Remove(CodedCase c) => Change(c, -1);

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
    /// The heavy cases settled in the weeks from <paramref name="from"/> to <paramref name="through"/> (days of the fund
    /// year, taken as their weeks), and how many of them are heavy but light against the norms as they stand.
    /// </summary>
    public (long Heavy, long Light) HeavyButLightBetween(DateOnly from, DateOnly through)
    {
        long heavy = 0, light = 0;
        var norms = new Dictionary<string, SeverityNorm?>(StringComparer.Ordinal);
        for (var week = WeekOf(from) ?? 0; week <= Math.Min(WeekOf(through) ?? WeeksInYear - 1, WeeksInYear - 1); week++)
        {
            foreach (var (adrg, cases) in _heavy[week])
            {
                if (!norms.TryGetValue(adrg, out var norm))
                {
                    norms[adrg] = norm = NormOf(adrg);
                }

                foreach (var (c, count) in cases)
                {
                    heavy += count;
                    light += norm is { } n && HeavyButLight.Is(c, n) ? count : 0;
                }
            }
        }

        return (heavy, light);
    }

    /// <summary>
    /// The heavy-but-light cases among <paramref name="cases"/> (a hospital's settled cases, read back from the ledger
    /// without those reversed) settled from <paramref name="from"/> through <paramref name="through"/>, oldest first.
    /// </summary>
    public IEnumerable<CodedCase> HeavyButLightAmong(IEnumerable<CodedCase> cases, DateOnly from, DateOnly through)
    {
        var norms = new Dictionary<string, SeverityNorm?>(StringComparer.Ordinal);
        return cases
            .Where(c => c.SettledDay >= from && c.SettledDay <= through && c.IsHeavy)
            .Where(c => HeavyButLight.Is(c, norms.TryGetValue(c.Adrg!, out var norm) ? norm : norms[c.Adrg!] = NormOf(c.Adrg!)))
            .OrderBy(c => c.SettledDay).ThenBy(c => c.ClaimId, StringComparer.Ordinal);
    }

    /// <summary>The sums per month and DRG (null: 未入组) the case-mix indicators are computed from.</summary>
    public DrgMonth[] Months() =>
        [.. _months.Values.OrderBy(m => m.Month).ThenBy(m => m.DrgCode, StringComparer.Ordinal)];

    private bool Change(CodedCase c, int sign)
    {
        if (WeekOf(c.SettledDay) is not { } week)
        {
            return false;
        }

        Cases += sign;
        Month(c, sign);
        if (!c.IsSplit)
        {
            return true;
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

        if (c.IsHeavy)
        {
            Heavy(week, adrg, StayAndCost.Of(c), sign);
        }
        else
        {
            Norm(c, adrg, sign);
        }

        return true;
    }

    private void Heavy(int week, string adrg, StayAndCost c, int sign)
    {
        if (!_heavy[week].TryGetValue(adrg, out var cases))
        {
            _heavy[week][adrg] = cases = [];
        }

        var next = cases.GetValueOrDefault(c) + sign;
        if (next > 0)
        {
            cases[c] = next;
        }
        else if (cases.Remove(c) && cases.Count == 0)
        {
            _heavy[week].Remove(adrg);
        }
    }

    private void Norm(CodedCase c, string adrg, int sign)
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

    private void Month(CodedCase c, int sign)
    {
        var key = (c.SettledDay.Month, c.DrgCode);
        var m = _months.GetValueOrDefault(key) ?? new DrgMonth(key.Month, key.DrgCode, 0, 0, 0, 0, 0, 0);
        m = m with
        {
            Cases = m.Cases + sign,
            WeightSum = m.WeightSum + (sign * c.Weight),
            StayDays = m.StayDays + (sign * (long)c.LengthOfStay),
            TotalCost = m.TotalCost + (sign * c.TotalCost),
            FundPaid = m.FundPaid + (sign * c.FundPaid),
            FundPaidByDrg = m.FundPaidByDrg + (c.PaidByDrg ? sign * c.FundPaid : 0),
            ShortStays = m.ShortStays + (c.LengthOfStay <= TargetAreas.ShortStayMaxDays ? sign : 0),
        };
        if (m.Cases > 0)
        {
            _months[key] = m;
        }
        else
        {
            _months.Remove(key);
        }
    }
}
