using System.Globalization;
using Monitoring.Testing;

namespace Monitoring.Dashboard.Tests.Overview;

/// <summary>
/// A prefecture of three counties in registry order 甲县, 乙县, 丙县 (100,000,000 yuan each, no monthly profile, one
/// hospital each with the county's budget, 乙县's in a tight alliance) and a first quarter of one claim a day per
/// hospital: 甲县 spends 24% of its year (on pace), 乙县 40% (some fifteen points ahead: 橙色预警), 丙县 31% (some six
/// points ahead: 黄色预警). One claim a day is too few for a credible projection, so the gap alone sets the level.
/// </summary>
public static class ThreeCounties
{
    public const string Region = "530900";
    public const string Jia = "530901";
    public const string Yi = "530902";
    public const string Bing = "530903";
    public const string JiaHospital = "H53090100001";
    public const string YiHospital = "H53090200001";
    public const string BingHospital = "H53090300001";
    public const string YiAlliance = "YI-TIGHT";

    private const decimal Budget = 100_000_000m;

    public static string RegistryJson => $$"""
        {"fundYear":2026,"regions":[{"regionId":"{{Region}}","name":"临沧市","counties":[
          {"countyId":"{{Jia}}","name":"甲县","annualBudget":{{Budget}},"alliances":[],"hospitals":[
            {"hospitalId":"{{JiaHospital}}","name":"甲县人民医院","level":2,"allianceId":null,"annualBudget":{{Budget}}}]},
          {"countyId":"{{Yi}}","name":"乙县","annualBudget":{{Budget}},"alliances":[
            {"allianceId":"{{YiAlliance}}","name":"乙县紧密型医共体","type":"tight","annualBudget":{{Budget}}}],"hospitals":[
            {"hospitalId":"{{YiHospital}}","name":"乙县人民医院","level":2,"allianceId":"{{YiAlliance}}","annualBudget":{{Budget}}}]},
          {"countyId":"{{Bing}}","name":"丙县","annualBudget":{{Budget}},"alliances":[],"hospitals":[
            {"hospitalId":"{{BingHospital}}","name":"丙县人民医院","level":2,"allianceId":null,"annualBudget":{{Budget}}}]}]}]}
        """;

    /// <summary>Writes the registry to a file the host reads at start-up; returns its path.</summary>
    public static string WriteRegistry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"three-counties-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, RegistryJson);
        return path;
    }

    /// <summary>1 January to 31 March, one claim a day per hospital, and a small one on 1 April that completes 31 March.</summary>
    public static List<string> FirstQuarter()
    {
        var claims = new List<string>();
        foreach (var (hospital, share) in new[] { (JiaHospital, 0.24m), (YiHospital, 0.40m), (BingHospital, 0.31m) })
        {
            var perDay = Math.Round(Budget * share / 90, 2);
            for (var day = 0; day < 90; day++)
            {
                var settled = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(8)).AddDays(day);
                claims.Add(TestClaims.Settlement($"q1-{hospital}-{day:D3}", hospital, settled, DateOnly.FromDateTime(settled.Date).AddDays(-1),
                    perDay, Math.Round(perDay / 0.7m, 2), $"P-{hospital[^5..]}-{day:D3}"));
            }

            var april = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));
            claims.Add(TestClaims.Settlement($"q1-{hospital}-apr", hospital, april, new DateOnly(2026, 3, 31), 1_000m, 1_500m, $"P-{hospital[^5..]}-apr"));
        }

        return claims;
    }

    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
