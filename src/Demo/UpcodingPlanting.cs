namespace Monitoring.Demo;

/// <summary>
/// Plants upcoding (高套编码) into a planned year, and what must not be mistaken for it:
/// <list type="bullet">
/// <item>three upcoders of different levels and sizes, each from an onset during the year: a level-2 county hospital
/// moving 12% of its severity-5 cases to 1 or 3 from April, a level-2 private hospital 30% from June, a level-1 private
/// hospital 40% from August. A moved case keeps the stay and cost it had (the record gains a complication, the patient
/// does not), so it is heavy but light;</item>
/// <item>a legitimately heavy referral centre (临翔区人民医院, level 2, taking the district's hard cases): from 1 January a
/// third of its severity-5 cases are really severe, coded 1 or 3 with the stay and cost of such cases;</item>
/// <item>ungrouped cases (未入组): about 3% of cases (6% at township centres, whose coders are fewer) settle without a
/// DRG and are paid by item, so the grouping rate (入组率) is below 100%.</item>
/// </list>
/// Stays planted for split hospitalization are left as they are. Draws come from a random of their own, so the rest of
/// the plan is the same with or without this planting.
/// </summary>
internal sealed class UpcodingPlanting(DemoScenario scenario, List<CaseSlot> slots, Random random)
{
    /// <summary>The upcoders: hospital id, onset (month, day) and the share of severity-5 cases moved.</summary>
    public static readonly (string HospitalId, int Month, int Day, double Share)[] Upcoders =
    [
        ("H53092100001", 4, 13, 0.12),  // 凤庆县人民医院, level 2, tight alliance
        ("H53090200201", 6, 15, 0.30),  // 临沧仁和医院, level 2, private
        ("H53092200201", 8, 3, 0.40),   // 云县凯达医院, level 1, private
    ];

    /// <summary>临翔区人民医院: heavy from the start of the year, and rightly so.</summary>
    public const string ReferralCentreId = "H53090200001";

    private const double ReferralHeavyShare = 1.0 / 3;
    private const double UngroupedShare = 0.03;
    private const double TownshipUngroupedShare = 0.06;

    public PlantedUpcoding Plant()
    {
        var year = scenario.Registry.FundYear;
        var index = scenario.Institutions.Select((i, h) => (i.Hospital.HospitalId, h)).ToDictionary(x => x.HospitalId, x => x.h);
        var onsets = Upcoders.ToDictionary(u => index[u.HospitalId], u => (Onset: new DateOnly(year, u.Month, u.Day), u.Share));
        var moved = Upcoders.ToDictionary(u => index[u.HospitalId], _ => 0);
        var referral = index.GetValueOrDefault(ReferralCentreId, -1);
        var ungrouped = 0;

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var institution = scenario.Institutions[slot.Hospital];
            // Split stays and the short, cheap stays planted before are other detectors' truth: recoding them would blur it.
            if (slot.Planted is not null || slot.ShortAndCheap)
            {
                continue;
            }

            // One draw per slot for each decision, in slot order, whatever the outcome: the plan stays reproducible.
            var draw = random.NextDouble();
            var ungroupedDraw = random.NextDouble();
            var adrg = DrgCatalogue.All[slot.Adrg];
            var heavy = HeavySeverity(adrg, random);
            var day = DateOnly.FromDateTime(new DateTime(slot.Ticks));

            if (ungroupedDraw < (institution.Kind == InstitutionKind.Township ? TownshipUngroupedShare : UngroupedShare))
            {
                slots[i] = slot with { Ungrouped = true };
                ungrouped++;
                continue;
            }

            if (slot.Severity != 5 || heavy is not { } severity)
            {
                continue;
            }

            if (onsets.TryGetValue(slot.Hospital, out var upcoder) && day >= upcoder.Onset && draw < upcoder.Share)
            {
                slots[i] = slot with { Severity = severity };
                moved[slot.Hospital]++;
            }
            else if (slot.Hospital == referral && draw < ReferralHeavyShare)
            {
                slots[i] = YearPlan.RecastSeverity(slot, institution.Hospital.Level, severity, random);
            }
        }

        return new PlantedUpcoding(
            [.. Upcoders.Select(u => new PlantedUpcoder(u.HospitalId, scenario.Institutions[index[u.HospitalId]].Hospital.Level,
                new DateOnly(year, u.Month, u.Day), u.Share, moved[index[u.HospitalId]]))],
            referral >= 0 ? ReferralCentreId : null,
            ungrouped);
    }

    /// <summary>1 or 3 in their usual proportion within the group, or null for a group without a heavier split.</summary>
    private static int? HeavySeverity(Adrg adrg, Random random)
    {
        var heavier = adrg.Severities.Where(s => s is 1 or 3).ToList();
        if (heavier.Count == 0 || !adrg.Severities.Contains(5))
        {
            return null;
        }

        var total = heavier.Sum(s => DrgCatalogue.SeverityShare(adrg.Severities, s));
        var draw = random.NextDouble() * total;
        foreach (var s in heavier)
        {
            draw -= DrgCatalogue.SeverityShare(adrg.Severities, s);
            if (draw < 0)
            {
                return s;
            }
        }

        return heavier[^1];
    }
}
