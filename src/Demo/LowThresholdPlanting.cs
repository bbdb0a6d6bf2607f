namespace Monitoring.Demo;

/// <summary>
/// Plants low-threshold admission into a planned year. Every hospital gets a background of short, cheap stays — 2–5% of
/// its cases, as observation stays and early discharges give any hospital — and three hospitals (a small township
/// health centre, a level-1 private hospital and a level-2 hospital) from an onset between April and August turn a
/// further 12–20% of their cases into them. A planted stay is one of the hospital's own cases recast as a mild,
/// outpatient-treatable condition (upper-respiratory infection, gastritis, bronchitis, hypertension, diabetes, urinary
/// infection) of its least severe DRG, one or two days long, costing 15–35% of what such a case usually costs at the
/// hospital's level. Settlement times and counts never move, and months are scaled to plan afterwards, so spend and
/// pace are what they were; cases planted for split hospitalization are left alone.
/// </summary>
internal sealed class LowThresholdPlanting(DemoScenario scenario, List<CaseSlot> slots, Random random)
{
    private static readonly int[] MildGroups = [.. new[] { "DT1", "GU2", "EX2", "FT4", "KS1", "LU1" }.Select(IndexOf)];

    public LowThresholdPlan Plant()
    {
        var institutions = scenario.Institutions;
        var background = institutions.Select(_ => 0.02 + (0.03 * random.NextDouble())).ToArray();
        var planted = ChooseHospitals();
        var year = scenario.Registry.FundYear;
        var onsets = planted.ToDictionary(h => h, _ => new DateTime(year, 4, 1).AddDays(random.Next(153)));
        var added = planted.ToDictionary(h => h, _ => 0.12 + (0.08 * random.NextDouble()));

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot.Planted is not null)
            {
                continue;
            }

            var share = background[slot.Hospital]
                + (onsets.TryGetValue(slot.Hospital, out var onset) && slot.Ticks >= onset.Ticks ? added[slot.Hospital] : 0);
            if (random.NextDouble() < share)
            {
                slots[i] = ShortAndCheap(slot, institutions[slot.Hospital].Hospital.Level);
            }
        }

        return new LowThresholdPlan(
            institutions.Select((h, i) => (h.Hospital.HospitalId, background[i])).ToDictionary(p => p.HospitalId, p => p.Item2),
            [.. planted.Select(h => new PlantedLowThreshold(institutions[h].Hospital.HospitalId, institutions[h].Hospital.Name,
                institutions[h].Hospital.Level, DateOnly.FromDateTime(onsets[h]), background[h], added[h]))]);
    }

    /// <summary>A township centre among the smaller half, a level-1 private hospital and a level-2 hospital that is not a county's main one.</summary>
    private List<int> ChooseHospitals()
    {
        var institutions = scenario.Institutions;
        int Pick(Func<DemoInstitution, bool> fits)
        {
            var candidates = Enumerable.Range(0, institutions.Count).Where(i => fits(institutions[i])).ToList();
            return candidates[random.Next(candidates.Count)];
        }

        var townships = institutions.Where(i => i.Kind == InstitutionKind.Township).Select(i => i.PlannedSpend).Order().ToList();
        var smallHalf = townships[townships.Count / 2];
        return
        [
            Pick(i => i.Kind == InstitutionKind.Township && i.PlannedSpend <= smallHalf),
            Pick(i => i.Kind == InstitutionKind.Private && i.Hospital.Level == 1),
            Pick(i => i.Hospital.Level == 2 && i.Kind is InstitutionKind.Tcm or InstitutionKind.Private),
        ];
    }

    private CaseSlot ShortAndCheap(CaseSlot slot, int level)
    {
        var adrgIndex = MildGroups[random.Next(MildGroups.Length)];
        var adrg = DrgCatalogue.All[adrgIndex];
        var severity = adrg.Severities[^1];
        var cost = adrg.BaseCost * DrgCatalogue.LevelCostFactor(level) * DrgCatalogue.SeverityFactor(severity) * (decimal)(0.15 + (0.2 * random.NextDouble()));
        return slot with { Adrg = adrgIndex, Severity = severity, Stay = 1 + random.Next(2), NaturalCost = decimal.Round(cost, 2), ShortAndCheap = true };
    }

    private static int IndexOf(string code) => DrgCatalogue.All.ToList().FindIndex(a => a.Code == code);
}
