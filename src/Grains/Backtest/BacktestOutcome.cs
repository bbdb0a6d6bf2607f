namespace Monitoring.Backtest;

/// <summary>
/// What a backtest found: the findings the version tried would raise beside those the rules in force raise over the
/// same rows, as counts (in all, by kind, county, hospital and month of the finding) and the first examples of each change.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BacktestOutcome(
    [property: Id(0)] BacktestTally Total,
    [property: Id(1)] BacktestTally[] ByKind,
    [property: Id(2)] BacktestTally[] ByCounty,
    [property: Id(3)] BacktestTally[] ByHospital,
    [property: Id(4)] BacktestTally[] ByMonth,
    [property: Id(5)] BacktestExample[] Examples,
    [property: Id(6)] BacktestTally[]? ByFund = null);

/// <summary>
/// Findings of one group: <see cref="Added"/> raised only by the version tried, <see cref="Removed"/> only by the
/// rules in force, <see cref="Unchanged"/> by both.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BacktestTally(
    [property: Id(0)] string Key,
    [property: Id(1)] string? Name,
    [property: Id(2)] int Added,
    [property: Id(3)] int Removed,
    [property: Id(4)] int Unchanged);

/// <summary>
/// One finding that changed (or did not), with what a reader needs to look it up: for a split pair its hospital, its
/// claims and its days; for a budget alert its account, its transition and the figures of its day (the pair fields
/// are then empty).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BacktestExample(
    [property: Id(0)] string Change,
    [property: Id(1)] string Kind,
    [property: Id(2)] string HospitalId,
    [property: Id(3)] string? HospitalName,
    [property: Id(4)] string? CountyId,
    [property: Id(5)] string FirstClaimId,
    [property: Id(6)] string SecondClaimId,
    [property: Id(7)] DateOnly FirstDischarge,
    [property: Id(8)] DateOnly SecondAdmission,
    [property: Id(9)] int IntervalDays,
    [property: Id(10)] string Severity,
    [property: Id(11)] DateOnly KnownOn,
    [property: Id(12)] BacktestBudgetFigures? Budget = null);

/// <summary>What a budget alert of a backtest says of its account on its day.</summary>
[GenerateSerializer, Immutable]
public sealed record BacktestBudgetFigures(
    [property: Id(0)] string Level,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string Transition,
    [property: Id(3)] decimal FundPaid,
    [property: Id(4)] decimal UsedShare,
    [property: Id(5)] decimal TimeShare,
    [property: Id(6)] decimal GapPoints);

public static class BacktestChanges
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Unchanged = "unchanged";
}
