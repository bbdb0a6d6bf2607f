using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

/// <summary>One demo year, generated once for the tests that read it: a tenth of the default count keeps it quick.</summary>
public sealed class DemoYearFixture
{
    public const int Seed = 2026;
    public const int ClaimsPerYear = 20_000;

    public DemoYearFixture()
    {
        Scenario = DemoPrefecture.Plan(Seed, 2026);
        Claims = new DemoClaimStream(Scenario, Seed, ClaimsPerYear).Claims().ToList();

        var settled = new Dictionary<string, JsonObject>();
        var net = new Dictionary<string, decimal>();
        foreach (var claim in Claims)
        {
            var target = (string?)claim["reversesClaimId"] is { } reversed ? settled[reversed] : claim;
            var hospitalId = (string)target["hospitalId"]!;
            var sign = ReferenceEquals(target, claim) ? 1m : -1m;
            net[hospitalId] = net.GetValueOrDefault(hospitalId) + (sign * (decimal)target["fundPaid"]!);
            settled[(string)claim["claimId"]!] = claim;
        }

        NetFundPaid = net;
        Planted = new DemoClaimStream(Scenario, Seed, ClaimsPerYear).Planted();
        Truth = SplitPairTruth.Find(JsonSerializer.SerializeToNode(Scenario.Registry, DemoJson.Compact)!, Claims);
    }

    public DemoScenario Scenario { get; }

    public IReadOnlyList<JsonObject> Claims { get; }

    /// <summary>What the stream says it planted of split hospitalization.</summary>
    public PlantedSplits Planted { get; }

    /// <summary>The split pairs an all-pairs scan of the claims finds.</summary>
    public IReadOnlyList<TruthPair> Truth { get; }

    /// <summary>Fund paid per hospital over the year, reversals taken off.</summary>
    public IReadOnlyDictionary<string, decimal> NetFundPaid { get; }

    public decimal SpendShare(DemoInstitution institution) =>
        NetFundPaid.GetValueOrDefault(institution.Hospital.HospitalId) / institution.Hospital.AnnualBudget!.Value;
}
