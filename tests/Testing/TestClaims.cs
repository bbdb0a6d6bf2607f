using System.Globalization;
using System.Text;

namespace Monitoring.Testing;

/// <summary>
/// Valid settlement events for the contract's example registry (云县), as JSON text. Deterministic per prefix and
/// seed, so a test can re-send exactly the same batch; the prefix keeps claim ids of different tests apart.
/// </summary>
public static class TestClaims
{
    public static readonly string[] ExampleHospitals =
        ["H53092200001", "H53092200002", "H53092200003", "H53092200101", "H53092200201", "H53092200202"];

    public static IReadOnlyList<string> Settlements(string prefix, int count, int seed = 1, int startDayOfYear = 1)
    {
        var random = new Random(seed);
        var claims = new List<string>(count);
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddDays(startDayOfYear - 1);
        for (var i = 0; i < count; i++)
        {
            var hospital = ExampleHospitals[random.Next(ExampleHospitals.Length)];
            var settled = start.AddMinutes(i * 7 % (300 * 24 * 60));
            var discharge = DateOnly.FromDateTime(settled.Date).AddDays(-1);
            var fundPaid = Math.Round((decimal)(500 + random.NextDouble() * 19_500), 2);
            var totalCost = Math.Round(fundPaid / 0.7m, 2);
            claims.Add(Settlement($"{prefix}-{i:D7}", hospital, settled, discharge, fundPaid, totalCost, $"P-{random.Next(1_000_000):x6}"));
        }

        return claims;
    }

    public static string Settlement(string claimId, string hospitalId, DateTimeOffset settledAt, DateOnly discharge, decimal fundPaid, decimal totalCost, string patientId = "P-0001") =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"claimId":"{{claimId}}","kind":"settlement","settledAt":"{{settledAt:yyyy-MM-dd'T'HH:mm:sszzz}}","patientId":"{{patientId}}","hospitalId":"{{hospitalId}}","insuranceType":"resident","admissionDate":"{{discharge.AddDays(-5):yyyy-MM-dd}}","dischargeDate":"{{discharge:yyyy-MM-dd}}","dischargeDisposition":"1","principalDiagnosis":"J18.900","drgCode":"ES23","drgWeight":0.92,"paymentMethod":"drg","totalCost":{{totalCost}},"fundPaid":{{fundPaid}}}
            """);

    public static string Reversal(string claimId, string reversesClaimId, DateTimeOffset settledAt) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"claimId":"{{claimId}}","kind":"reversal","reversesClaimId":"{{reversesClaimId}}","settledAt":"{{settledAt:yyyy-MM-dd'T'HH:mm:sszzz}}"}
            """);

    public static string JsonArray(IEnumerable<string> events) => "[" + string.Join(",", events) + "]";

    public static string Ndjson(IEnumerable<string> events) => string.Join("\n", events) + "\n";

    public static decimal FundPaidOf(string claimJson)
    {
        var at = claimJson.IndexOf("\"fundPaid\":", StringComparison.Ordinal) + "\"fundPaid\":".Length;
        var end = claimJson.IndexOf('}', at);
        return decimal.Parse(claimJson[at..end], CultureInfo.InvariantCulture);
    }

    public static StringContent Body(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);
}
