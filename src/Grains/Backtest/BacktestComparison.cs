using System.Globalization;
using Monitoring.Registry;

namespace Monitoring.Backtest;

/// <summary>
/// Sets the findings of the version tried beside those of the rules in force and counts what changed. Plain code,
/// and deterministic: the same two sets give the same outcome, examples included, whatever order they came in.
/// </summary>
public static class BacktestComparison
{
    /// <summary>Enough to see what a change does without paging through a year.</summary>
    public const int ExamplesPerChange = 20;

    public static BacktestOutcome Of(IEnumerable<BacktestFinding> live, IEnumerable<BacktestFinding> tried, FundRegistry registry)
    {
        var before = live.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var after = tried.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var changes = after.Values.Select(f => (Change: before.ContainsKey(f.Key) ? BacktestChanges.Unchanged : BacktestChanges.Added, Finding: f))
            .Concat(before.Values.Where(f => !after.ContainsKey(f.Key)).Select(f => (Change: BacktestChanges.Removed, Finding: f)))
            .OrderBy(c => c.Finding.KnownOn).ThenBy(c => c.Finding.Key, StringComparer.Ordinal)
            .ToArray();

        return new BacktestOutcome(
            Tally("all", null, changes),
            By(changes, f => f.Kind, _ => null),
            By(changes, f => f.CountyIn(registry) ?? "", county => registry.Counties.TryGetValue(county, out var c) ? c.County.Name : null),
            By([.. changes.Where(c => c.Finding.SubjectLevel == FundLevel.Hospital)], f => f.SubjectId, hospital => registry.Hospitals.TryGetValue(hospital, out var h) ? h.Hospital.Name : null),
            By(changes, f => f.KnownOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), _ => null),
            [.. changes.GroupBy(c => c.Change).SelectMany(g => g.Take(ExamplesPerChange)).Select(c => c.Finding.Example(c.Change))],
            // The accounts above a hospital (county funds, alliances) are where budget findings mostly fall.
            By([.. changes.Where(c => c.Finding.SubjectLevel != FundLevel.Hospital)], f => $"{f.SubjectLevel}/{f.SubjectId}",
                key => FundAccountProfile.Find(key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..], registry)?.Name));
    }

    private static BacktestTally[] By((string Change, BacktestFinding Finding)[] changes, Func<BacktestFinding, string> key, Func<string, string?> name) =>
        [.. changes.GroupBy(c => key(c.Finding), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Tally(g.Key, name(g.Key), g))];

    private static BacktestTally Tally(string key, string? name, IEnumerable<(string Change, BacktestFinding Finding)> changes)
    {
        var counts = changes.CountBy(c => c.Change).ToDictionary();
        return new BacktestTally(key, name,
            counts.GetValueOrDefault(BacktestChanges.Added), counts.GetValueOrDefault(BacktestChanges.Removed), counts.GetValueOrDefault(BacktestChanges.Unchanged));
    }
}
