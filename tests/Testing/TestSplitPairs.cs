namespace Monitoring.Testing;

/// <summary>
/// Two stays of one patient at one hospital, the second admitted three days after the first discharge with the same
/// diagnosis and DRG: a split-hospitalization pair the detector alerts on (and so a case opens on).
/// </summary>
public static class TestSplitPairs
{
    /// <summary>The two settlements; <paramref name="day"/> is the first discharge's day of 2026.</summary>
    public static (string First, string Second) Pair(string prefix, string hospitalId, int day, decimal firstPaid = 4_000m, decimal secondPaid = 4_200m)
    {
        var firstDischarge = new DateOnly(2026, 1, 1).AddDays(day - 1);
        var secondDischarge = firstDischarge.AddDays(8); // TestClaims admits 5 days before discharge: readmitted 3 days later.
        return (
            TestClaims.Settlement($"{prefix}-1", hospitalId, At(firstDischarge.AddDays(1)), firstDischarge, firstPaid, decimal.Round(firstPaid * 1.5m, 2), $"P-{prefix}"),
            TestClaims.Settlement($"{prefix}-2", hospitalId, At(secondDischarge.AddDays(1)), secondDischarge, secondPaid, decimal.Round(secondPaid * 1.5m, 2), $"P-{prefix}"));
    }

    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}
