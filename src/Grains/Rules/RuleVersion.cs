namespace Monitoring.Rules;

/// <summary>
/// One version of a rule for one scope (<c>region:&lt;id&gt;</c>, <c>region:*</c> for every region, or
/// <c>county:&lt;id&gt;</c>): its full parameters, the settlement date it is in force from, and where it stands in
/// the lifecycle draft → published → superseded or retired. Its history says who did what, when and why.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleVersion
{
    [Id(0)] public required string RuleId { get; init; }
    [Id(1)] public required int Version { get; init; }
    [Id(2)] public required string Scope { get; init; }
    [Id(3)] public required DateOnly EffectiveFrom { get; init; }
    [Id(4)] public required Dictionary<string, decimal> Parameters { get; init; }
    [Id(5)] public required string Status { get; init; }
    [Id(6)] public required RuleChange[] History { get; init; }

    /// <summary>Whether judgements may use it: published, or superseded (still in force for the days before its successor).</summary>
    public bool Judges => Status is RuleStatus.Published or RuleStatus.Superseded;

    public decimal this[string name] => Parameters[name];
}

/// <summary>One change to a version: who, when, why, what it did and the parameters it changed (old → new).</summary>
[GenerateSerializer, Immutable]
public sealed record RuleChange(
    [property: Id(0)] string Action,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason,
    [property: Id(4)] RuleDiff[] Diff);

/// <summary>A parameter a change moved: its value before (null when new) and after.</summary>
[GenerateSerializer, Immutable]
public sealed record RuleDiff([property: Id(0)] string Name, [property: Id(1)] decimal? From, [property: Id(2)] decimal To);

public static class RuleStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Superseded = "superseded";
    public const string Retired = "retired";
}

public static class RuleActions
{
    public const string Seed = "seed";
    public const string Draft = "draft";
    public const string Publish = "publish";
    public const string Supersede = "supersede";
    public const string Retire = "retire";
}
