using Monitoring.Readmission;

namespace Monitoring.Grains.Tests.Readmission;

/// <summary>Stays on a day scale counted from 1 March 2026, settled at 10:00 China time; only what a test names differs.</summary>
internal static class TestStays
{
    public static readonly DateOnly Day0 = new(2026, 3, 1);

    public static Stay Stay(string claimId, int admission, int discharge, string diagnosis = "J18.900", string? drg = "ES23",
        char disposition = '1', decimal totalCost = 8_000m, decimal fundPaid = 5_600m, int? settled = null,
        string hospital = "H53092200001") =>
        new(claimId, hospital, Day0.AddDays(admission), Day0.AddDays(discharge), SettledOn(settled ?? discharge + 1),
            disposition, diagnosis, drg, totalCost, fundPaid);

    public static DateTimeOffset SettledOn(int day) => new(Day0.AddDays(day).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}
