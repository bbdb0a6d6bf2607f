using Monitoring.Registry;

namespace Monitoring.Demo;

/// <summary>
/// The embedded demo's prefecture: 临沧市 with four county funds, each with a tight alliance, two of them with a loose
/// one too, and private hospitals outside every alliance. Names and division codes are real; institutions, budgets
/// and the story are made up. The seed moves budgets, spending factors and monthly profiles a little, never the
/// hierarchy or the story, which is:
/// <list type="bullet">
/// <item>云县's tight alliance (<see cref="HotAllianceId"/>) overspends by 12–18% across all its members, which takes the
/// county fund (<see cref="HotCountyId"/>) to about <see cref="HotCountyTarget"/> of its budget by the year end;</item>
/// <item>a private hospital in 凤庆县 (<see cref="HotHospitalId"/>) runs at <see cref="HotHospitalFactor"/> of its budget
/// from January on, while its county stays within budget;</item>
/// <item>every other hospital spends 85–100% of its budget;</item>
/// <item>the package's story (按人头打包、考核): every county's tight alliance is paid per head; 云县's insured are
/// admitted at about <see cref="HotAdmissionRate"/> a year (above the 12% target) and 耿马's (<see cref="OutboundCountyId"/>)
/// are treated out of county about 15% of the time (above the 10% target; <see cref="CaseWriter"/> plants them), and a few
/// patients insured outside the prefecture (异地就医, <see cref="ElsewhereCountyId"/>) are treated at 云县's hospitals.</item>
/// </list>
/// </summary>
public static class DemoPrefecture
{
    public const string RegionId = "530900";
    public const string HotCountyId = "530922";
    public const string HotAllianceId = "YX-TIGHT";
    public const string HotHospitalId = "H53092100201";
    public const decimal HotHospitalFactor = 1.35m;
    public const decimal HotCountyTarget = 1.08m;

    /// <summary>耿马: the county whose insured go out of county more than the 10% target allows.</summary>
    public const string OutboundCountyId = "530926";

    /// <summary>昆明市五华区: a county outside the prefecture, where the 异地 patients treated in 云县 are insured.</summary>
    public const string ElsewhereCountyId = "530102";

    /// <summary>云县's admission rate the populations are sized for, at the default claim volume; other counties 10%.</summary>
    public const decimal HotAdmissionRate = 0.14m;

    /// <summary>The claim volume the populations are sized for (the demo's default): other volumes scale every rate alike.</summary>
    public const int PopulationClaimsPerYear = 200_000;

    /// <summary>
    /// The shape of a county's year: winter (flu and respiratory season, and the cold for strokes and heart failure)
    /// heavier, February lighter (春节: elective admissions wait until after the festival), summer a little below flat.
    /// </summary>
    private static readonly decimal[] BaseProfile =
        [0.095m, 0.075m, 0.088m, 0.082m, 0.080m, 0.078m, 0.080m, 0.080m, 0.080m, 0.078m, 0.086m, 0.098m];

    /// <summary>The registry document of the demo prefecture for a fund year.</summary>
    public static RegistryDocument Build(int seed, int fundYear) => Plan(seed, fundYear).Registry;

    /// <summary>The registry and what each hospital in it is to spend: what <see cref="DemoClaimStream"/> plays.</summary>
    public static DemoScenario Plan(int seed, int fundYear)
    {
        var random = new Random(seed);
        var institutions = new List<DemoInstitution>();
        var counties = new List<CountyEntry>();
        foreach (var sketch in PrefectureSketch.Counties)
        {
            var hospitals = new List<HospitalEntry>();
            foreach (var h in sketch.Hospitals)
            {
                var budget = RoundTo(h.BudgetWan * 10_000m * Jitter(random, 0.06), 10_000m);
                var hospital = new HospitalEntry($"H{sketch.CountyId}{h.Suffix}", h.Name, h.Level, h.AllianceId, budget);
                hospitals.Add(hospital);
                institutions.Add(new DemoInstitution(hospital, sketch.CountyId, h.Kind, SpendingFactor(hospital, random)));
            }

            // An alliance's packaged budget is its members' budgets and a little it holds back for referrals out of county.
            var alliances = sketch.Alliances
                .Select(a => new AllianceEntry(a.AllianceId, a.Name, a.Type, RoundTo(
                    hospitals.Where(h => h.AllianceId == a.AllianceId).Sum(h => h.AnnualBudget ?? 0m) * Jitter(random, 0.0075, 1.0125),
                    10_000m)))
                .ToList();
            var allocated = alliances.Sum(a => a.AnnualBudget)
                + hospitals.Where(h => h.AllianceId is null).Sum(h => h.AnnualBudget ?? 0m);

            // 以收定支、略有结余: a county keeps a reserve of a few percent over what it hands out. The hot county's budget
            // is set from the spend planted in it, so that its overrun lands where the story says whatever the seed.
            decimal countyBudget;
            if (sketch.CountyId == HotCountyId)
            {
                var planned = institutions.Where(i => i.CountyId == sketch.CountyId).Sum(i => i.PlannedSpend);
                countyBudget = Math.Max(RoundUp(planned / HotCountyTarget, 100_000m), RoundUp(allocated, 100_000m));
            }
            else
            {
                countyBudget = RoundUp(allocated * Jitter(random, 0.01, 1.04), 100_000m);
            }

            counties.Add(new CountyEntry(sketch.CountyId, sketch.Name, countyBudget, alliances, hospitals, MonthlyProfile: MonthlyProfile(random)));
        }

        var registry = new RegistryDocument(fundYear, [new RegionEntry(RegionId, "临沧市", WithPopulations(counties, institutions))]);
        return new DemoScenario(registry, institutions);
    }

    /// <summary>
    /// 参保人数 sized so that a county's share of the claims, at <see cref="PopulationClaimsPerYear"/>, is its target
    /// admission rate of its population; each tight alliance paid per head at about its budget (its package then equals it
    /// to within rounding), and last year's spend a little below this year's budget. No draw of the seed's random stream,
    /// so every other planting stays where it was.
    /// </summary>
    private static List<CountyEntry> WithPopulations(List<CountyEntry> counties, List<DemoInstitution> institutions)
    {
        var total = institutions.Sum(i => i.PlannedSpend);
        return [.. counties.Select(county =>
        {
            var share = institutions.Where(i => i.CountyId == county.CountyId).Sum(i => i.PlannedSpend) / total;
            var rate = county.CountyId == HotCountyId ? HotAdmissionRate : 0.10m;
            var population = (long)RoundTo(PopulationClaimsPerYear * share / rate, 1_000m);
            return county with
            {
                InsuredPopulation = population,
                PriorYearFundSpend = RoundTo(county.AnnualBudget * 0.97m, 100_000m),
                Alliances = [.. county.Alliances.Select(a => a.Type == "tight" ? a with { PerCapitaPackage = decimal.Round(a.AnnualBudget / population, 2) } : a)],
            };
        })];
    }

    private static decimal SpendingFactor(HospitalEntry hospital, Random random)
    {
        if (hospital.HospitalId == HotHospitalId)
        {
            return HotHospitalFactor;
        }

        var (low, high) = hospital.AllianceId == HotAllianceId ? (1.12, 1.18) : (0.85, 1.00);
        return decimal.Round((decimal)(low + (high - low) * random.NextDouble()), 3);
    }

    /// <summary>The base profile moved by up to 3% a month, renormalised to four decimals that sum to exactly 1.</summary>
    private static IReadOnlyList<decimal> MonthlyProfile(Random random)
    {
        var moved = BaseProfile.Select(share => share * Jitter(random, 0.03)).ToArray();
        var total = moved.Sum();
        var shares = moved.Select(m => decimal.Round(m / total, 4)).ToArray();
        var largest = Array.IndexOf(shares, shares.Max());
        shares[largest] += 1m - shares.Sum();
        return shares;
    }

    private static decimal Jitter(Random random, double spread, double centre = 1.0) =>
        (decimal)(centre + spread * (2 * random.NextDouble() - 1));

    private static decimal RoundTo(decimal amount, decimal unit) =>
        decimal.Round(amount / unit, 0, MidpointRounding.AwayFromZero) * unit;

    private static decimal RoundUp(decimal amount, decimal unit) => decimal.Ceiling(amount / unit) * unit;
}

/// <summary>The prefecture's fixed shape: who is where, in which alliance, of what level and size.</summary>
file static class PrefectureSketch
{
    private const string Tight = "tight";
    private const string Loose = "loose";

    public static readonly CountySketch[] Counties =
    [
        new("530902", "临翔区",
            [
                new("LX-TIGHT", "临翔区县域紧密型医共体", Tight),
                new("LX-LOOSE", "临沧市人民医院非紧密型医疗集团", Loose),
            ],
            [
                new("00001", "临翔区人民医院", 2, InstitutionKind.General, "LX-TIGHT", 10200),
                new("00002", "临翔区中医医院", 2, InstitutionKind.Tcm, "LX-TIGHT", 3100),
                new("00003", "临翔区妇幼保健院", 2, InstitutionKind.MaternalChild, "LX-TIGHT", 1500),
                new("00101", "博尚镇中心卫生院", 1, InstitutionKind.Township, "LX-TIGHT", 610),
                new("00102", "南美拉祜族乡卫生院", 1, InstitutionKind.Township, "LX-TIGHT", 270),
                new("00103", "蚂蚁堆乡卫生院", 1, InstitutionKind.Township, "LX-TIGHT", 410),
                new("00104", "章驮乡卫生院", 1, InstitutionKind.Township, "LX-TIGHT", 340),
                new("00010", "临沧市人民医院", 3, InstitutionKind.General, "LX-LOOSE", 17700),
                new("00105", "邦东乡卫生院", 1, InstitutionKind.Township, "LX-LOOSE", 270),
                new("00106", "马台乡卫生院", 1, InstitutionKind.Township, "LX-LOOSE", 270),
                new("00201", "临沧仁和医院", 2, InstitutionKind.Private, null, 1900),
                new("00202", "临沧康宁医院", 1, InstitutionKind.Private, null, 680),
            ]),
        new("530921", "凤庆县",
            [
                new("FQ-TIGHT", "凤庆县县域紧密型医共体", Tight),
                new("FQ-LOOSE", "凤庆县非紧密型医共体", Loose),
            ],
            [
                new("00001", "凤庆县人民医院", 2, InstitutionKind.General, "FQ-TIGHT", 11600),
                new("00002", "凤庆县中医医院", 2, InstitutionKind.Tcm, "FQ-TIGHT", 3700),
                new("00003", "凤庆县妇幼保健院", 2, InstitutionKind.MaternalChild, "FQ-TIGHT", 1600),
                new("00101", "鲁史镇中心卫生院", 1, InstitutionKind.Township, "FQ-TIGHT", 540),
                new("00102", "小湾镇中心卫生院", 1, InstitutionKind.Township, "FQ-TIGHT", 480),
                new("00103", "勐佑镇卫生院", 1, InstitutionKind.Township, "FQ-TIGHT", 410),
                new("00104", "营盘镇卫生院", 1, InstitutionKind.Township, "FQ-TIGHT", 340),
                new("00004", "凤庆县第二人民医院", 2, InstitutionKind.General, "FQ-LOOSE", 2700),
                new("00105", "郭大寨彝族白族乡卫生院", 1, InstitutionKind.Township, "FQ-LOOSE", 270),
                new("00106", "诗礼乡卫生院", 1, InstitutionKind.Township, "FQ-LOOSE", 270),
                new("00201", "凤庆县康华医院", 2, InstitutionKind.Private, null, 2000),
                new("00202", "凤庆县博爱医院", 1, InstitutionKind.Private, null, 610),
            ]),
        new("530922", "云县",
            [
                new("YX-TIGHT", "云县县域紧密型医共体", Tight),
            ],
            [
                new("00001", "云县人民医院", 2, InstitutionKind.General, "YX-TIGHT", 12200),
                new("00002", "云县中医医院", 2, InstitutionKind.Tcm, "YX-TIGHT", 4100),
                new("00003", "云县妇幼保健计划生育服务中心", 2, InstitutionKind.MaternalChild, "YX-TIGHT", 1700),
                new("00101", "茶房中心卫生院", 1, InstitutionKind.Township, "YX-TIGHT", 540),
                new("00102", "漫湾镇中心卫生院", 1, InstitutionKind.Township, "YX-TIGHT", 480),
                new("00103", "涌宝镇中心卫生院", 1, InstitutionKind.Township, "YX-TIGHT", 480),
                new("00104", "大寨镇卫生院", 1, InstitutionKind.Township, "YX-TIGHT", 340),
                new("00201", "云县凯达医院", 1, InstitutionKind.Private, null, 820),
                new("00202", "云县仁爱医院", 1, InstitutionKind.Private, null, 610),
            ]),
        new("530926", "耿马傣族佤族自治县",
            [
                new("GM-TIGHT", "耿马县县域紧密型医共体", Tight),
            ],
            [
                new("00001", "耿马傣族佤族自治县人民医院", 2, InstitutionKind.General, "GM-TIGHT", 9600),
                new("00002", "耿马傣族佤族自治县中医医院", 2, InstitutionKind.Tcm, "GM-TIGHT", 2800),
                new("00003", "耿马傣族佤族自治县妇幼保健院", 2, InstitutionKind.MaternalChild, "GM-TIGHT", 1200),
                new("00101", "孟定镇中心卫生院", 1, InstitutionKind.Township, "GM-TIGHT", 680),
                new("00102", "勐撒镇卫生院", 1, InstitutionKind.Township, "GM-TIGHT", 340),
                new("00103", "勐永镇卫生院", 1, InstitutionKind.Township, "GM-TIGHT", 340),
                new("00201", "耿马孟定华康医院", 1, InstitutionKind.Private, null, 540),
            ]),
    ];
}

file sealed record CountySketch(string CountyId, string Name, AllianceSketch[] Alliances, HospitalSketch[] Hospitals);

file sealed record AllianceSketch(string AllianceId, string Name, string Type);

/// <param name="Suffix">the five digits after the county code in the hospital id: 000xx county hospitals, 001xx township centres, 002xx private</param>
/// <param name="BudgetWan">the hospital's budget before the seed moves it, in 万元 (ten thousand yuan)</param>
file sealed record HospitalSketch(string Suffix, string Name, int Level, InstitutionKind Kind, string? AllianceId, decimal BudgetWan);
