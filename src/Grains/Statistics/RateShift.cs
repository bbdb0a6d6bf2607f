namespace Monitoring.Statistics;

/// <summary>
/// The rate a changed behaviour would show, as the alternative a change test looks for.
/// </summary>
public static class RateShift
{
    /// <summary>
    /// The share after a fraction of the cases that were outside it move in: a hospital that starts coding 10% of
    /// its severity-5 cases as 1 or 3 turns a heavy share <c>p</c> into <c>p + 0.1 × (1 − p)</c>. Stated this way
    /// the alternative scales with what can still move, so it means the same for a hospital at 20% or at 60%.
    /// </summary>
    public static double MovedFraction(double baseline, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var p = Probability.Clamp(baseline);
        return Probability.Clamp(p + (fraction * (1 - p)));
    }
}
