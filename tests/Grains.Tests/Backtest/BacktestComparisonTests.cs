using Monitoring.Backtest;
using Monitoring.Registry;

namespace Monitoring.Grains.Tests.Backtest;

/// <summary>The comparison of a backtest: what only the draft finds is added, what only the rules in force find is removed, the rest unchanged.</summary>
public sealed class BacktestComparisonTests
{
    private static readonly FundRegistry Registry = FundRegistry.From(RegistryParser.Parse(Testing.ContractFiles.Read("examples/registry.json")).Document!, 1);

    private static BacktestFinding Finding(string key, string hospital, DateOnly knownOn) =>
        BacktestFinding.AtHospital(key, SplitBacktest.PairKind, hospital, knownOn, change => new BacktestExample(change, SplitBacktest.PairKind, hospital, null, null,
            key + "-1", key + "-2", knownOn.AddDays(-10), knownOn.AddDays(-3), 5, "warning", knownOn));

    private static string AHospital(int index) => Registry.Hospitals.Keys.Order(StringComparer.Ordinal).ElementAt(index);

    [Fact]
    public void Counts_each_change_in_all_and_by_county_hospital_and_month()
    {
        var (h1, h2) = (AHospital(0), AHospital(1));
        BacktestFinding[] live = [Finding("p1", h1, new(2025, 3, 2)), Finding("p2", h1, new(2025, 3, 9)), Finding("p3", h2, new(2025, 4, 1))];
        BacktestFinding[] tried = [Finding("p1", h1, new(2025, 3, 2)), Finding("p4", h2, new(2025, 4, 5))];

        var outcome = BacktestComparison.Of(live, tried, Registry);

        Assert.Equal(new BacktestTally("all", null, 1, 2, 1), outcome.Total);
        Assert.Equal([new BacktestTally("2025-03", null, 0, 1, 1), new BacktestTally("2025-04", null, 1, 1, 0)], outcome.ByMonth);
        Assert.Equal(Registry.Hospitals[h1].Hospital.Name, outcome.ByHospital.Single(t => t.Key == h1).Name);
        Assert.Equal((0, 1, 1), outcome.ByHospital.Single(t => t.Key == h1) is var t1 ? (t1.Added, t1.Removed, t1.Unchanged) : default);
        Assert.Equal(outcome.Total with { Key = SplitBacktest.PairKind }, outcome.ByKind.Single());
        Assert.Equal(3, outcome.ByCounty.Sum(c => c.Added + c.Removed + c.Unchanged) - outcome.Total.Unchanged);
        Assert.Equal(["p2", "p3"], outcome.Examples.Where(e => e.Change == BacktestChanges.Removed).Select(e => e.FirstClaimId[..2]));
    }

    [Fact]
    public void Examples_are_capped_per_change_and_the_same_whatever_order_the_findings_came_in()
    {
        var findings = Enumerable.Range(0, 50).Select(i => Finding($"p{i:D2}", AHospital(0), new DateOnly(2025, 1, 1).AddDays(i))).ToArray();

        var forward = BacktestComparison.Of([], findings, Registry);
        var backward = BacktestComparison.Of([], findings.Reverse(), Registry);

        Assert.Equal(BacktestComparison.ExamplesPerChange, forward.Examples.Length);
        Assert.Equal(forward.Examples, backward.Examples);
        Assert.Equal("p00-1", forward.Examples[0].FirstClaimId);
        Assert.Equal(50, forward.Total.Added);
    }
}
