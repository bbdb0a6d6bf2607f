namespace Monitoring.Pace;

/// <summary>
/// The spending of a run of settlement days: how many days, fund paid, the sum of the day totals' squares, and the
/// settlements counted. Days without settlements are days of zero spend and count in the spread.
/// </summary>
public readonly record struct SpendWindow(int Days, decimal Sum, double SumOfSquares, long Claims)
{
    /// <summary>
    /// The standard error of <see cref="Sum"/> read from its own day-to-day spread (days taken as independent draws):
    /// √(days × variance of a day). It carries both the count noise of a few claims a day and their cost noise.
    /// </summary>
    public double StandardErrorOfSum()
    {
        if (Days <= 1)
        {
            return 0;
        }

        var mean = (double)Sum / Days;
        var variance = Math.Max(0, (SumOfSquares / Days) - (mean * mean)) * Days / (Days - 1);
        return Math.Sqrt(Days * variance);
    }
}
