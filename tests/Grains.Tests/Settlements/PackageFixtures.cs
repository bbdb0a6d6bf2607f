using Monitoring.Registry;
using Monitoring.Settlements;

namespace Monitoring.Grains.Tests.Settlements;

/// <summary>
/// Two counties of one prefecture and the cells of a known year. 云县 (530922): 1,000 insured, a tight alliance paid
/// 500 yuan a head (H1 level 2, H2 level 1) and an unallied H3; 凤庆县 (530923): 500 insured, a loose alliance (H4, H5).
/// </summary>
public static class PackageFixtures
{
    public const string Yun = "530922";
    public const string Feng = "530923";

    public static FundRegistry TwoCounties(long? yunInsured = 1000, decimal? perHead = 500m) => FundRegistry.From(new RegistryDocument(2026,
    [
        new RegionEntry("530900", "临沧市",
        [
            new CountyEntry(Yun, "云县", 800_000m,
                [new AllianceEntry("T", "云县紧密型医共体", "tight", 450_000m, perHead)],
                [
                    new HospitalEntry("H53092200001", "云县人民医院", 2, "T"),
                    new HospitalEntry("H53092200101", "茶房卫生院", 1, "T"),
                    new HospitalEntry("H53092200201", "凯达医院", 1, null, 60_000m),
                ],
                InsuredPopulation: yunInsured, PriorYearFundSpend: 400_000m),
            new CountyEntry(Feng, "凤庆县", 300_000m,
                [new AllianceEntry("L", "凤庆县松散型医共体", "loose", 120_000m)],
                [
                    new HospitalEntry("H53092300001", "凤庆县人民医院", 2, "L", 100_000m),
                    new HospitalEntry("H53092300101", "勐佑卫生院", 1, "L", 20_000m),
                ],
                InsuredPopulation: 500),
        ]),
    ]), 1);

    public const string H1 = "H53092200001";
    public const string H2 = "H53092200101";
    public const string H3 = "H53092200201";
    public const string H4 = "H53092300001";

    public static IReadOnlyList<PackageCell> Cells { get; } =
    [
        new(H1, null, 1, 10, 30_000.00m, 9, 27_000.00m),
        new(H2, null, 1, 5, 4_000.50m, 5, 0m),
        new(H4, Yun, 1, 2, 6_000.25m, 2, 6_000.25m),   // 云县's insured treated in 凤庆县: from 云县's package
        new(H1, "110101", 2, 1, 2_500.00m, 1, 2_500.00m), // insured in Beijing (异地就医): paid by no county of the region
        new(H4, null, 2, 3, 9_000.00m, 3, 9_000.00m),
        new(H1, Feng, 2, 1, 1_000.00m, 1, 1_000.00m),  // 凤庆县's insured at 云县's alliance: 凤庆县 has no package
        new(H3, null, 2, 2, 1_200.00m, 0, 0m),          // 云县's insured at a non-member: from the package
        new(H3, Feng, 3, 1, 800.00m, 1, 800.00m),      // 凤庆县's insured at the non-member: the hospital's own account
    ];
}
