using Monitoring.Registry;

namespace Monitoring.Backtest;

/// <summary>
/// The places a backtest of a scope replays, as the live watches split them: an alliance's members share one window,
/// a hospital outside any alliance has its own.
/// </summary>
public static class BacktestPlaces
{
    public sealed record Place(string CountyId, string RegionId, string[] Hospitals);

    public static Place[] Of(string scope, FundRegistry registry) =>
        [.. InScope(scope, registry)
            .SelectMany(c => c.County.Hospitals
                .GroupBy(h => h.AllianceId ?? h.HospitalId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Place(c.County.CountyId, c.Region.RegionId, [.. g.Select(h => h.HospitalId)])))];

    /// <summary>The counties of a scope, in county order.</summary>
    public static CountyEntry[] Counties(string scope, FundRegistry registry) => [.. InScope(scope, registry).Select(c => c.County)];

    private static IEnumerable<(CountyEntry County, RegionEntry Region)> InScope(string scope, FundRegistry registry) =>
        registry.Counties.Values
            .Where(c => scope == Rules.RuleLibrary.EveryRegion || scope == $"region:{c.Region.RegionId}" || scope == $"county:{c.County.CountyId}")
            .OrderBy(c => c.County.CountyId, StringComparer.Ordinal);
}
