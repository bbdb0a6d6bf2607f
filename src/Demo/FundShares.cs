namespace Monitoring.Demo;

/// <summary>
/// The share of a case's total cost the pooled fund pays (统筹基金支付比例). 城乡居民医保 (resident) pays less than
/// 职工医保 (employee), and both pay more at lower levels, to steer patients to primary care (分级诊疗); rural
/// counties' inpatients are mostly residents, the more so at township centres.
/// </summary>
internal static class FundShares
{
    private const double Spread = 0.03;

    public static double ResidentShare(int level) => level switch { 1 => 0.85, 2 => 0.72, _ => 0.65 };

    public static decimal Draw(int level, bool employee, Random random) =>
        decimal.Round(Base(employee) + LevelStep(level) + (decimal)(Spread * ((2 * random.NextDouble()) - 1)), 4);

    public static decimal Expected(int level)
    {
        var resident = (decimal)ResidentShare(level);
        return (resident * Base(false)) + ((1 - resident) * Base(true)) + LevelStep(level);
    }

    private static decimal Base(bool employee) => employee ? 0.72m : 0.63m;

    private static decimal LevelStep(int level) => level switch { 1 => 0.04m, 2 => 0m, _ => -0.03m };
}
