namespace Monitoring.Demo;

/// <summary>
/// The CHS-DRG groups the demo feed settles, with what the stream needs to make a case of each: diagnoses,
/// operations, weight, stay and cost, and how often each kind of institution treats it. A county's inpatient case mix
/// in miniature: respiratory infections, strokes, deliveries and back pain dominate; PCI and joint replacement are rare
/// and need a level-2 hospital. Codes follow CHS-DRG 1.1/2.0 naming; weights and costs are plausible for a county in
/// western Yunnan, not an official table.
/// </summary>
public static class DrgCatalogue
{
    private static readonly int[] Split = [1, 3, 5];
    private static readonly int[] CcOnly = [3, 5];
    private static readonly int[] Unsplit = [9];

    public static IReadOnlyList<Adrg> All { get; } =
    [
        new("BR1", "颅内出血性疾患", "神经内科", ["I61.900", "I61.000", "I62.000"], [],
            1.95m, 14, 16500m, Split, new CaseMix(General: 2, Tcm: 1, MaternalChild: 0, Township: 0, Private: 0.5)),
        new("BR2", "脑缺血性疾患", "神经内科", ["I63.900", "I63.400", "G45.900"], [],
            1.12m, 10, 9500m, Split, new CaseMix(General: 8, Tcm: 10, MaternalChild: 0, Township: 3, Private: 3)),
        new("CB3", "晶体手术", "眼科", ["H25.900", "H26.900"], ["13.4100"],
            0.70m, 3, 6000m, Unsplit, new CaseMix(General: 2, Tcm: 0.5, MaternalChild: 0, Township: 0, Private: 5)),
        new("DT1", "中耳炎及上呼吸道感染", "耳鼻咽喉科", ["J06.900", "J03.900", "H66.900"], [],
            0.42m, 5, 3600m, Split, new CaseMix(General: 3, Tcm: 3, MaternalChild: 6, Township: 10, Private: 3)),
        new("ES2", "呼吸系统感染/炎症", "呼吸内科", ["J18.900", "J15.900", "J18.000"], [],
            0.92m, 8, 7800m, Split, new CaseMix(General: 12, Tcm: 10, MaternalChild: 10, Township: 16, Private: 6)),
        new("ET2", "慢性气道阻塞病", "呼吸内科", ["J44.100", "J44.000", "J44.900"], [],
            1.02m, 9, 8700m, Split, new CaseMix(General: 6, Tcm: 8, MaternalChild: 0, Township: 10, Private: 3)),
        new("EX2", "支气管炎及哮喘", "呼吸内科", ["J20.900", "J45.900", "J40.X00"], [],
            0.60m, 6, 5100m, Split, new CaseMix(General: 4, Tcm: 5, MaternalChild: 6, Township: 10, Private: 3)),
        new("ER1", "呼吸系统肿瘤", "肿瘤科", ["C34.900", "C34.100"], [],
            1.40m, 10, 11900m, Split, new CaseMix(General: 1.5, Tcm: 0.5, MaternalChild: 0, Township: 0, Private: 0.3))
        { MinimumLevel = 2 },
        new("FM1", "经皮冠状动脉支架植入", "心血管内科", ["I20.000", "I21.900", "I25.103"], ["36.0700", "00.6600"],
            4.10m, 7, 35000m, Unsplit, new CaseMix(General: 1.2, Tcm: 0.3, MaternalChild: 0, Township: 0, Private: 0))
        { MinimumLevel = 2 },
        new("FR4", "冠状动脉粥样硬化/血栓/闭塞", "心血管内科", ["I25.103", "I20.900", "I25.100"], [],
            0.80m, 8, 6800m, Split, new CaseMix(General: 6, Tcm: 8, MaternalChild: 0, Township: 5, Private: 4)),
        new("FT2", "心力衰竭、休克", "心血管内科", ["I50.900", "I50.000", "I11.000"], [],
            1.10m, 9, 9300m, Split, new CaseMix(General: 5, Tcm: 6, MaternalChild: 0, Township: 4, Private: 2)),
        new("FT4", "高血压", "心血管内科", ["I10.X00", "I11.900"], [],
            0.58m, 7, 4900m, Split, new CaseMix(General: 3, Tcm: 5, MaternalChild: 0, Township: 7, Private: 3)),
        new("FU2", "心律失常及传导障碍", "心血管内科", ["I48.X01", "I47.100", "I49.900"], [],
            0.80m, 7, 6800m, Split, new CaseMix(General: 2, Tcm: 2, MaternalChild: 0, Township: 1, Private: 1)),
        new("GB1", "食管、胃、十二指肠大手术", "普外科", ["C16.900", "K25.500"], ["43.7x00", "43.6x00"],
            5.20m, 18, 44000m, Split, new CaseMix(General: 0.6, Tcm: 0.2, MaternalChild: 0, Township: 0, Private: 0))
        { MinimumLevel = 2 },
        new("GD2", "阑尾切除术", "普外科", ["K35.800", "K35.900", "K36.X00"], ["47.0100", "47.0900"],
            1.08m, 6, 9200m, Split, new CaseMix(General: 3, Tcm: 1.5, MaternalChild: 0.5, Township: 1, Private: 3)),
        new("GE1", "腹股沟及腹疝手术", "普外科", ["K40.900", "K42.900"], ["53.0400", "17.1200"],
            0.95m, 5, 8100m, CcOnly, new CaseMix(General: 2, Tcm: 1, MaternalChild: 0, Township: 0.5, Private: 3)),
        new("GK1", "结肠镜治疗操作", "消化内科", ["K63.500", "D12.600"], ["45.4200"],
            0.60m, 3, 5100m, CcOnly, new CaseMix(General: 2, Tcm: 1.5, MaternalChild: 0, Township: 0, Private: 1)),
        new("GS1", "胃肠出血", "消化内科", ["K92.200", "K25.400", "K92.100"], [],
            0.98m, 7, 8300m, Split, new CaseMix(General: 2, Tcm: 2, MaternalChild: 0, Township: 1, Private: 1)),
        new("GU2", "食管炎、肠胃炎", "消化内科", ["K29.700", "K52.900", "A09.900"], [],
            0.45m, 5, 3800m, Split, new CaseMix(General: 5, Tcm: 6, MaternalChild: 5, Township: 12, Private: 4)),
        new("HC2", "胆囊切除术", "肝胆外科", ["K80.100", "K80.200", "K81.100"], ["51.2300"],
            1.45m, 6, 12300m, Split, new CaseMix(General: 2.5, Tcm: 1.5, MaternalChild: 0, Township: 0, Private: 2)),
        new("HS2", "肝硬化", "消化内科", ["K74.600", "K70.300"], [],
            1.15m, 10, 9800m, Split, new CaseMix(General: 1, Tcm: 1, MaternalChild: 0, Township: 0.3, Private: 0.3)),
        new("IB2", "脊柱融合手术", "骨科", ["M51.202", "M48.000", "M43.100"], ["81.0800"],
            5.30m, 13, 45000m, Split, new CaseMix(General: 0.6, Tcm: 0.5, MaternalChild: 0, Township: 0, Private: 0.3))
        { MinimumLevel = 2 },
        new("IC2", "髋、肩、膝、肘和踝关节置换术", "骨科", ["M16.900", "M17.900", "S72.000"], ["81.5100", "81.5400", "81.5200"],
            6.10m, 14, 52000m, Unsplit, new CaseMix(General: 0.8, Tcm: 0.6, MaternalChild: 0, Township: 0, Private: 0.3))
        { MinimumLevel = 2 },
        new("IF3", "除股骨以外的下肢骨手术", "骨科", ["S82.200", "S82.600", "S82.800"], ["79.3600"],
            2.50m, 12, 21000m, Split, new CaseMix(General: 1.5, Tcm: 2, MaternalChild: 0, Township: 0, Private: 1.5)),
        new("IU2", "颈腰背疾患", "骨科", ["M51.202", "M47.800", "M54.500"], [],
            0.66m, 9, 5600m, Split, new CaseMix(General: 3, Tcm: 12, MaternalChild: 0, Township: 6, Private: 4)),
        new("JJ1", "皮肤、皮下组织的其他手术", "普外科", ["L02.400", "L03.100"], ["86.0400", "86.2200"],
            0.56m, 6, 4800m, CcOnly, new CaseMix(General: 1, Tcm: 1, MaternalChild: 0, Township: 2, Private: 1.5)),
        new("KS1", "糖尿病", "内分泌科", ["E11.900", "E11.400", "E11.600"], [],
            0.70m, 8, 5900m, Split, new CaseMix(General: 3, Tcm: 5, MaternalChild: 0, Township: 5, Private: 2)),
        new("LE1", "经尿道膀胱、输尿管手术", "泌尿外科", ["N20.100", "N20.000", "N21.000"], ["56.0x00", "57.0x00"],
            1.30m, 5, 11000m, Split, new CaseMix(General: 1.5, Tcm: 1, MaternalChild: 0, Township: 0, Private: 1)),
        new("LR1", "肾功能衰竭", "肾内科", ["N18.500", "N17.900", "N18.900"], [],
            1.25m, 10, 10600m, Split, new CaseMix(General: 1.2, Tcm: 0.8, MaternalChild: 0, Township: 0, Private: 0.5))
        { MinimumLevel = 2 },

        // Planned dialysis sessions (Z49) are never drawn for the year's mix (all weights 0): only the planted
        // look-alikes of split hospitalization use it. It sits here, not last, so that no rounding at the top of a
        // hospital's cumulative mix can land on it.
        new("LL1", "肾透析", "肾内科", ["Z49.100", "Z49.000"], ["39.9500"],
            0.45m, 2, 3800m, Unsplit, new CaseMix(General: 0, Tcm: 0, MaternalChild: 0, Township: 0, Private: 0))
        {
            Accompanying = ["N18.500"],
            MinimumLevel = 2,
        },
        new("LU1", "肾及尿路感染", "肾内科", ["N39.000", "N10.X00", "N30.000"], [],
            0.52m, 6, 4400m, Split, new CaseMix(General: 2, Tcm: 2, MaternalChild: 1, Township: 4, Private: 2)),
        new("NC1", "子宫（除内膜以外）手术", "妇科", ["D25.900", "N80.000"], ["68.4100", "68.2900"],
            1.60m, 8, 13600m, Split, new CaseMix(General: 1.5, Tcm: 0.5, MaternalChild: 3, Township: 0, Private: 1)),
        new("NZ1", "女性生殖系统其他疾患", "妇科", ["N93.900", "N83.200"], [],
            0.48m, 5, 4100m, CcOnly, new CaseMix(General: 1, Tcm: 1, MaternalChild: 4, Township: 1, Private: 1.5)),
        new("OB2", "剖宫产术", "产科", ["O82.000", "O34.201", "O32.100", "O68.000"], ["74.1x01"],
            1.00m, 5, 8500m, Split, new CaseMix(General: 2.5, Tcm: 0.5, MaternalChild: 8, Township: 0.3, Private: 1.5)),
        new("OC1", "阴道分娩伴手术操作", "产科", ["O80.000", "O70.000"], ["73.6x00", "75.6900"],
            0.55m, 4, 4700m, CcOnly, new CaseMix(General: 1.5, Tcm: 0.3, MaternalChild: 5, Township: 1, Private: 0.8)),
        new("OD1", "异位妊娠手术", "妇科", ["O00.100"], ["66.6201"],
            1.10m, 5, 9400m, CcOnly, new CaseMix(General: 0.5, Tcm: 0.2, MaternalChild: 1, Township: 0, Private: 0.3)),
        new("OR1", "阴道分娩", "产科", ["O80.000", "O80.900"], [],
            0.42m, 3, 3600m, Split, new CaseMix(General: 2, Tcm: 0.5, MaternalChild: 7, Township: 2.5, Private: 1)),
        new("RU1", "与化学和/或靶向、生物治疗有关的恶性增生性疾患", "肿瘤科", ["Z51.100"], [],
            0.72m, 4, 6100m, Split, new CaseMix(General: 3, Tcm: 1, MaternalChild: 0, Township: 0, Private: 0.5))
        {
            Accompanying = ["C34.900", "C16.900", "C18.900", "C50.900", "C22.000"],
            MinimumLevel = 2,
        },
    ];

    /// <summary>Comorbidities that do not change the split (高血压、糖尿病、高脂血症 …).</summary>
    public static IReadOnlyList<string> Comorbidities { get; } =
        ["I10.X00", "E11.900", "E78.500", "K21.900", "I25.103", "M81.900", "K76.000", "E03.900"];

    /// <summary>Complications that make a case CC (一般并发症或合并症): hyponatraemia, anaemia, atrial fibrillation …</summary>
    public static IReadOnlyList<string> Complications { get; } =
        ["E87.100", "E87.600", "D64.900", "I48.X01", "N18.300", "E46.X00", "J44.900", "I50.900"];

    /// <summary>Complications that make a case MCC (严重并发症或合并症): respiratory or renal failure, shock, sepsis.</summary>
    public static IReadOnlyList<string> MajorComplications { get; } =
        ["J96.000", "N17.900", "R57.000", "A41.900", "I46.900"];

    public static IReadOnlyList<string> ObstetricComorbidities { get; } = ["Z37.000", "O24.400", "O99.800"];

    public static IReadOnlyList<string> ObstetricComplications { get; } = ["O99.000", "O13.X00", "O42.900"];

    public static IReadOnlyList<string> ObstetricMajorComplications { get; } = ["O72.100", "O14.100", "O15.000"];

    /// <summary>
    /// Weight and cost of a severity relative to the CC split. The ratios are typical of CHS-DRG tables,
    /// where an MCC case costs about half as much again as a CC case and an uncomplicated one about a fifth less.
    /// </summary>
    public static decimal SeverityFactor(int severity) => severity switch
    {
        1 => 1.45m,
        3 => 1.00m,
        5 => 0.78m,
        9 => 1.00m,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "severity is 1, 3, 5 or 9"),
    };

    /// <summary>Length of stay of a severity relative to the CC split.</summary>
    public static double StayFactor(int severity) => severity switch
    {
        1 => 1.35,
        5 => 0.85,
        _ => 1.0,
    };

    /// <summary>
    /// How often a severity occurs within its group: in county data about 60% of cases are uncomplicated (5),
    /// 28% CC (3) and 12% MCC (1); a group split only into 3 and 5 keeps their proportion.
    /// </summary>
    public static double SeverityShare(IReadOnlyList<int> severities, int severity)
    {
        if (!severities.Contains(severity))
        {
            return 0;
        }

        if (severities.Count == 1)
        {
            return 1;
        }

        var share = Typical(severity);
        return share / severities.Sum(Typical);

        static double Typical(int s) => s switch { 1 => 0.12, 3 => 0.28, 5 => 0.60, _ => 0 };
    }

    /// <summary>The cost of a case relative to a level-2 hospital: a township centre is cheaper, a level-3 hospital dearer.</summary>
    public static decimal LevelCostFactor(int level) => level switch
    {
        1 => 0.60m,
        2 => 1.00m,
        3 => 1.50m,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "level is 1, 2 or 3"),
    };

    /// <summary>The mean cost of a case of the group at a level-2 hospital, over its severity mix.</summary>
    public static decimal MeanCost(Adrg adrg) =>
        adrg.BaseCost * adrg.Severities.Sum(s => (decimal)SeverityShare(adrg.Severities, s) * SeverityFactor(s));
}
