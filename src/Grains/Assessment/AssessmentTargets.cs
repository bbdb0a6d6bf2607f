namespace Monitoring.Assessment;

/// <summary>
/// 考核指标 targets, in percent. 云县: admission rate ≤ 12%, in-county treatment ≥ 90%, out-of-county ≤ 10%, primary-level
/// share ≥ 65%, cost growth ≤ 10% a year; 楚雄州: DRG grouping rate ≥ 90%, DRG share of the inpatient fund ≥ 70%.
/// </summary>
public sealed class AssessmentTargets
{
    public decimal AdmissionRate { get; set; } = 12m;
    public decimal InCountyRate { get; set; } = 90m;
    public decimal OutOfCountyRate { get; set; } = 10m;
    public decimal PrimaryShare { get; set; } = 65m;
    public decimal CostGrowth { get; set; } = 10m;
    public decimal DrgGroupingRate { get; set; } = 90m;
    public decimal DrgFundShare { get; set; } = 70m;

    public bool IsValid => new[] { AdmissionRate, InCountyRate, OutOfCountyRate, PrimaryShare, DrgGroupingRate, DrgFundShare }.All(t => t is > 0 and <= 100)
        && CostGrowth is > -100 and <= 1000;
}

/// <summary>How much each indicator weighs in the score (any positive numbers; the score scales them to 100).</summary>
public sealed class AssessmentWeights
{
    public decimal AdmissionRate { get; set; } = 20m;
    public decimal InCountyRate { get; set; } = 15m;
    public decimal OutOfCountyRate { get; set; } = 10m;
    public decimal PrimaryShare { get; set; } = 15m;
    public decimal CostGrowth { get; set; } = 20m;
    public decimal DrgGroupingRate { get; set; } = 10m;
    public decimal DrgFundShare { get; set; } = 10m;

    public bool IsValid => All.All(w => w >= 0) && All.Sum() > 0;

    private decimal[] All => [AdmissionRate, InCountyRate, OutOfCountyRate, PrimaryShare, CostGrowth, DrgGroupingRate, DrgFundShare];
}
