namespace Monitoring.Statistics;

/// <summary>Keeps rates away from 0 and 1, where likelihood ratios divide by zero or take the log of zero.</summary>
public static class Probability
{
    /// <summary>
    /// Smaller than any share these tests meet in practice (a thousandth of a percent) and large enough that
    /// <c>log(ε)</c> stays a modest number, so one surprising case cannot throw the statistic to infinity.
    /// </summary>
    public const double Epsilon = 1e-5;

    public static double Clamp(double rate) =>
        double.IsNaN(rate) ? throw new ArgumentOutOfRangeException(nameof(rate), "a rate must be a number")
        : Math.Clamp(rate, Epsilon, 1 - Epsilon);
}
