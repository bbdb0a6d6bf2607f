namespace Monitoring.Demo;

/// <summary>The year's cases in settlement order, and each hospital's monthly scale from natural to planned amounts.</summary>
internal sealed class YearPlan
{
    /// <summary>Cost noise around a group's mean: county case costs spread about ±20% (lognormal, mean 1).</summary>
    private const double CostSpread = 0.2;

    private readonly decimal[][] _scale;

    private YearPlan(List<CaseSlot> slots, decimal[][] scale, IReadOnlyList<PlantedEpisode> episodes, IReadOnlyList<PlantedRateHospital> rateHospitals,
        LowThresholdPlan lowThreshold, PlantedUpcoding upcoding)
    {
        RateHospitals = rateHospitals;
        Slots = slots;
        _scale = scale;
        Episodes = episodes;
        LowThreshold = lowThreshold;
        Upcoding = upcoding;
    }

    public List<CaseSlot> Slots { get; }

    /// <summary>The split-hospitalization patterns and look-alikes planted into the slots; empty when none are.</summary>
    public IReadOnlyList<PlantedEpisode> Episodes { get; }

    /// <summary>The hospitals planted to split deliberately and the centres whose rate wanders by chance; empty when splits are not planted.</summary>
    public IReadOnlyList<PlantedRateHospital> RateHospitals { get; }

    /// <summary>The short, cheap stays planted (<see cref="LowThresholdPlanting"/>); <see cref="LowThresholdPlan.None"/> when none are.</summary>
    public LowThresholdPlan LowThreshold { get; }

    /// <summary>The upcoders, the referral centre and the ungrouped cases planted; none when not planted.</summary>
    public PlantedUpcoding Upcoding { get; }

    public decimal ScaleOf(CaseSlot slot) => _scale[slot.Hospital][new DateTime(slot.Ticks).Month - 1];

    /// <param name="plantSplits">
    /// reshape a few cases into split-hospitalization patterns and their look-alikes (<see cref="SplitPlanting"/>);
    /// their draws come from a random of their own, so the rest of the plan is the same either way
    /// </param>
    /// <param name="plantLowThreshold">reshape cases into short, cheap stays (<see cref="LowThresholdPlanting"/>), from a random of their own</param>
    /// <param name="plantUpcoding">plant upcoders, a referral centre and ungrouped cases (<see cref="UpcodingPlanting"/>)</param>
    public static YearPlan Make(DemoScenario scenario, int claimsPerYear, Random random, Random? plantSplits = null, Random? plantLowThreshold = null, Random? plantUpcoding = null)
    {
        var year = scenario.Registry.FundYear;
        var institutions = scenario.Institutions;
        var profiles = scenario.Registry.Regions.SelectMany(r => r.Counties)
            .ToDictionary(c => c.CountyId, c => c.MonthlyProfile ?? Enumerable.Repeat(1m / 12, 12).ToList());
        var mixes = institutions.Select(i => HospitalMix.Of(i.Hospital.Level, i.Kind)).ToArray();
        var targets = institutions.Select(i => i.PlannedSpend).ToArray();
        // Each hospital's month as a share of its planned year: the county's profile, moved by a planted shape if any.
        var shaped = institutions
            .Select(i => profiles[i.CountyId].Select((share, m) => share * i.ShapeOf(m + 1)).ToArray())
            .ToArray();
        var counts = Apportion(claimsPerYear, targets.Select((t, h) => t * shaped[h].Sum() / mixes[h].ExpectedFundPerCase).ToArray());
        var days = Enumerable.Range(1, 12).Select(m => DayWeights(year, m)).ToArray();

        var slots = new List<CaseSlot>(claimsPerYear);
        for (var h = 0; h < institutions.Count; h++)
        {
            var level = institutions[h].Hospital.Level;
            var months = Apportion(counts[h], shaped[h]);
            for (var m = 0; m < 12; m++)
            {
                for (var k = 0; k < months[m]; k++)
                {
                    var adrgIndex = mixes[h].Pick(random);
                    var adrg = DrgCatalogue.All[adrgIndex];
                    var severity = PickSeverity(adrg, random);
                    var stay = StayOf(adrg, severity, random);
                    var employee = random.NextDouble() >= FundShares.ResidentShare(level);
                    var cost = CostOf(adrg, level, severity, stay, random);
                    var share = FundShares.Draw(level, employee, random);
                    var settledAt = SettlementTime(year, m + 1, days[m], random);
                    slots.Add(new CaseSlot(settledAt.Ticks, slots.Count, h, adrgIndex, severity, stay, employee, cost, share));
                }
            }
        }

        var splitting = plantSplits is null ? null : new SplitPlanting(scenario, slots, plantSplits);
        IReadOnlyList<PlantedEpisode> episodes = splitting is null ? [] : splitting.Plant();
        var lowThreshold = plantLowThreshold is null ? LowThresholdPlan.None : new LowThresholdPlanting(scenario, slots, plantLowThreshold).Plant();
        var upcoding = plantUpcoding is null ? PlantedUpcoding.None : new UpcodingPlanting(scenario, slots, plantUpcoding).Plant();

        // Scaled after planting: a reshaped case costs what its new group costs, and each month still adds up to plan.
        var natural = institutions.Select(_ => new decimal[12]).ToArray();
        foreach (var slot in slots)
        {
            natural[slot.Hospital][new DateTime(slot.Ticks).Month - 1] += slot.NaturalCost * slot.FundShare;
        }

        var scale = institutions.Select((_, h) => MonthlyScale(targets[h], shaped[h], natural[h])).ToArray();
        slots.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Order.CompareTo(b.Order));
        return new YearPlan(slots, scale, episodes, splitting?.RateHospitals ?? [], lowThreshold, upcoding);
    }

    /// <summary>A case of the group recast at another level or severity: what planting calls to reshape a slot.</summary>
    public static CaseSlot Recast(CaseSlot slot, int level, int adrgIndex, Random random)
    {
        var adrg = DrgCatalogue.All[adrgIndex];
        var severity = PickSeverity(adrg, random);
        var stay = StayOf(adrg, severity, random);
        return slot with { Adrg = adrgIndex, Severity = severity, Stay = stay, NaturalCost = CostOf(adrg, level, severity, stay, random) };
    }

    /// <summary>A case of the group recast at another severity, with the stay and cost of that severity.</summary>
    public static CaseSlot RecastSeverity(CaseSlot slot, int level, int severity, Random random)
    {
        var adrg = DrgCatalogue.All[slot.Adrg];
        var stay = StayOf(adrg, severity, random);
        return slot with { Severity = severity, Stay = stay, NaturalCost = CostOf(adrg, level, severity, stay, random) };
    }

    private static int StayOf(Adrg adrg, int severity, Random random)
    {
        var expectedStay = adrg.MeanStay * DrgCatalogue.StayFactor(severity);
        return Math.Max(1, (int)Math.Round(expectedStay * (0.6 + (0.8 * random.NextDouble()))));
    }

    private static decimal CostOf(Adrg adrg, int level, int severity, int stay, Random random)
    {
        var expectedStay = adrg.MeanStay * DrgCatalogue.StayFactor(severity);
        var shape = (0.6 + (0.4 * stay / expectedStay)) * LogNormal(random);
        return decimal.Round(adrg.BaseCost * DrgCatalogue.LevelCostFactor(level) * DrgCatalogue.SeverityFactor(severity) * (decimal)shape, 2);
    }

    /// <summary>
    /// Scales each month's natural amounts to the month's share of the target. A month without cases (a thin stream,
    /// a small hospital) passes its share on to the next month that has some, or back to the last one that had.
    /// </summary>
    private static decimal[] MonthlyScale(decimal target, decimal[] profile, decimal[] natural)
    {
        var scale = new decimal[12];
        var carried = 0m;
        var last = -1;
        for (var m = 0; m < 12; m++)
        {
            carried += target * profile[m];
            if (natural[m] > 0)
            {
                scale[m] = carried / natural[m];
                carried = 0;
                last = m;
            }
        }

        if (last >= 0 && carried > 0)
        {
            scale[last] += carried / natural[last];
        }

        return scale;
    }

    /// <summary>Splits a whole number by weights (largest remainder), so the parts add up exactly.</summary>
    private static int[] Apportion(int total, IReadOnlyList<decimal> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum == 0 ? 0m : total * w / sum).ToArray();
        var parts = exact.Select(e => (int)decimal.Floor(e)).ToArray();
        var left = total - parts.Sum();
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(left))
        {
            parts[i]++;
        }

        return parts;
    }

    public static int PickSeverity(Adrg adrg, Random random)
    {
        var draw = random.NextDouble();
        foreach (var severity in adrg.Severities)
        {
            draw -= DrgCatalogue.SeverityShare(adrg.Severities, severity);
            if (draw < 0)
            {
                return severity;
            }
        }

        return adrg.Severities[^1];
    }

    private static double LogNormal(Random random)
    {
        // Box–Muller; the -σ²/2 keeps the mean at 1 so the noise does not move a hospital's spend.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp((CostSpread * normal) - (CostSpread * CostSpread / 2));
    }

    /// <summary>Fewer settlements at weekends: wards discharge, and agencies settle, mostly on working days.</summary>
    private static double[] DayWeights(int year, int month) =>
        Enumerable.Range(1, DateTime.DaysInMonth(year, month))
            .Select(d => new DateTime(year, month, d).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.45 : 1.0)
            .ToArray();

    private static DateTime SettlementTime(int year, int month, double[] dayWeights, Random random)
    {
        var draw = random.NextDouble() * dayWeights.Sum();
        var day = 0;
        while (day < dayWeights.Length - 1 && (draw -= dayWeights[day]) >= 0)
        {
            day++;
        }

        return new DateTime(year, month, day + 1).Add(DemoClaimStream.WorkingTime(random));
    }
}
