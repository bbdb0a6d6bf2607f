namespace Monitoring.CaseMix;

/// <summary>
/// DRG 运行指标 of a hospital, alliance or county over a period: 入组率 (grouping rate: share of settled cases with a DRG;
/// the policy asks for at least 90%), CMI (case-mix index: Σ weight ÷ grouped cases), the heavy share (cases in severity
/// 1 or 3 among those of split groups), 费用消耗指数 and 时间消耗指数 (cost and time efficiency: the unit's cost and stay
/// against what the region's average case of each of its DRGs costs and stays; 1 is the region's average), and the DRG
/// share of the inpatient fund paid (the policy's target is at least 70%). Null where the period has no cases to divide by.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseMixFigures(
    [property: Id(0)] long Cases,
    [property: Id(1)] long GroupedCases,
    [property: Id(2)] double? GroupingRate,
    [property: Id(3)] double? Cmi,
    [property: Id(4)] long SplitCases,
    [property: Id(5)] long HeavyCases,
    [property: Id(6)] double? HeavyShare,
    [property: Id(7)] double? CostIndex,
    [property: Id(8)] double? TimeIndex,
    [property: Id(9)] decimal FundPaid,
    [property: Id(10)] double? DrgFundShare);
