namespace Monitoring.Assessment;

/// <summary>
/// One 考核指标 as it stands: its target and direction (at-most or at-least, in percent), its value over the months
/// counted, whether it meets the target, the counts behind it, its value month by month (null where a month says
/// nothing), and the share of the score it earns.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorReading(
    [property: Id(0)] string Code,
    [property: Id(1)] string Direction,
    [property: Id(2)] decimal Target,
    [property: Id(3)] decimal? Value,
    [property: Id(4)] string Status,
    [property: Id(5)] decimal Numerator,
    [property: Id(6)] decimal Denominator,
    [property: Id(7)] decimal?[] Trend,
    [property: Id(8)] decimal Weight,
    [property: Id(9)] decimal? Earned);

/// <summary>The indicators of a county or an alliance through <see cref="MonthsCounted"/> months of the fund year, and the score they make.</summary>
[GenerateSerializer, Immutable]
public sealed record AssessmentReading(
    [property: Id(0)] string Level,
    [property: Id(1)] string Id,
    [property: Id(2)] string CountyId,
    [property: Id(3)] int FundYear,
    [property: Id(4)] int MonthsCounted,
    [property: Id(5)] IndicatorReading[] Indicators,
    [property: Id(6)] decimal? Score);

/// <summary>The indicator codes as the API and the pages name them.</summary>
public static class IndicatorCodes
{
    /// <summary>住院率: inpatient admissions of the county's insured per insured person, a year.</summary>
    public const string AdmissionRate = "admission-rate";

    /// <summary>县域内就诊率: share of the insured's admissions treated at the county's own hospitals.</summary>
    public const string InCountyRate = "in-county-rate";

    /// <summary>县外就医率: share of the insured's admissions treated outside the county (other counties and 异地).</summary>
    public const string OutOfCountyRate = "out-of-county-rate";

    /// <summary>基层就诊占比: share of the insured's admissions at primary-level (一级) institutions.</summary>
    public const string PrimaryShare = "primary-share";

    /// <summary>费用增长率: the year's fund spend for the insured, annualised, against the prior year's.</summary>
    public const string CostGrowth = "cost-growth";

    /// <summary>DRG 入组率: share of the settlements provided that were grouped.</summary>
    public const string DrgGroupingRate = "drg-grouping-rate";

    /// <summary>DRG 付费占住院基金比例: share of the inpatient fund paid by DRG.</summary>
    public const string DrgFundShare = "drg-fund-share";

    public static IReadOnlyList<string> All { get; } =
        [AdmissionRate, InCountyRate, OutOfCountyRate, PrimaryShare, CostGrowth, DrgGroupingRate, DrgFundShare];
}
