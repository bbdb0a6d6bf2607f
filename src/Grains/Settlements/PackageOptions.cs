using Monitoring.Assessment;

namespace Monitoring.Settlements;

/// <summary>
/// The money's calendar of the packaged payment (<c>Monitoring:Package</c>), county by county:
/// <c>Counties:&lt;countyId&gt;</c> replaces <see cref="Defaults"/> for one county. The defaults follow the common
/// practice the payment-reform documents describe: the whole monthly advance paid at the start of the month, 5% of each
/// month's payment withheld as a reserve returned by the assessment score, no prepayment at the start of the year.
/// </summary>
public sealed class PackageOptions
{
    public const string Section = "Monitoring:Package";

    public PackageTerms Defaults { get; set; } = new();

    public Dictionary<string, PackageTerms> Counties { get; set; } = [];

    public PackageTerms For(string countyId) => Counties.TryGetValue(countyId, out var own) ? own : Defaults;

    public bool IsValid => Defaults.IsValid && Counties.Values.All(t => t.IsValid);
}

/// <summary>One county's terms: how the package is paid out month by month and what the assessment measures.</summary>
public sealed class PackageTerms
{
    /// <summary>预拨比例: the share of a tight alliance's monthly package advanced at the start of the month (预拨制).</summary>
    public decimal AdvanceShare { get; set; } = 1.0m;

    /// <summary>质量保证金: the share of each month's payment withheld, returned at year end by the assessment score.</summary>
    public decimal ReserveShare { get; set; } = 0.05m;

    /// <summary>年初预付: months of the package paid at the start of the year (资阳: 0–2 by level and standing), offset at year end.</summary>
    public int PrepaymentMonths { get; set; }

    /// <summary>
    /// Whether a per-head package pays for its insured treated outside its member hospitals (out of county, 异地 or at a
    /// non-member): the policy's "县外就医费用从医共体打包资金中支付". False: the county fund pays those stays itself.
    /// </summary>
    public bool OutsideTreatmentFromPackage { get; set; } = true;

    public AssessmentTargets Targets { get; set; } = new();

    public AssessmentWeights Weights { get; set; } = new();

    public bool IsValid => AdvanceShare is >= 0 and <= 1 && ReserveShare is >= 0 and < 1 && PrepaymentMonths is >= 0 and <= 12
        && Targets.IsValid && Weights.IsValid;
}
