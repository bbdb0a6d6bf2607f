namespace Monitoring.Pace;

/// <summary>
/// 结余留用、超支自担 (<c>Monitoring:Rules:YearEnd</c>): the share of a year-end surplus an account keeps.
/// The packaged-payment rules fix tight alliances at 100% and loose members at 50%; an institution outside every
/// alliance is settled by its county, whose rule varies, so it is configurable and defaults to the loose share.
/// </summary>
public sealed class YearEndOptions
{
    public const string Section = "Monitoring:Rules:YearEnd";

    public decimal TightSurplusShare { get; set; } = 1.0m;

    public decimal LooseSurplusShare { get; set; } = 0.5m;

    public decimal UnalliedSurplusShare { get; set; } = 0.5m;

    public bool IsValid => Valid(TightSurplusShare) && Valid(LooseSurplusShare) && Valid(UnalliedSurplusShare);

    private static bool Valid(decimal share) => share is >= 0 and <= 1;
}
