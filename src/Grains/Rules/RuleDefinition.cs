namespace Monitoring.Rules;

/// <summary>
/// 规则: one rule the system judges, as the national 医保智能监控 rule library describes one — logic, parameters with
/// reference thresholds, the grade each outcome maps to, the scene (应用场景) and the stage (事中 while the year runs,
/// 事后 after the fact) it is used in, and the time window it looks over.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleDefinition
{
    [Id(0)] public required string RuleId { get; init; }
    [Id(1)] public required string NameZh { get; init; }
    [Id(2)] public required string NameEn { get; init; }
    [Id(3)] public required string SceneZh { get; init; }
    [Id(4)] public required string SceneEn { get; init; }

    /// <summary><see cref="RuleStages.During"/> (事中) or <see cref="RuleStages.After"/> (事后).</summary>
    [Id(5)] public required string Stage { get; init; }

    [Id(6)] public required string LogicZh { get; init; }
    [Id(7)] public required string LogicEn { get; init; }
    [Id(8)] public required RuleParameter[] Parameters { get; init; }

    /// <summary>Outcome → severity, in words: what each grade means for this rule.</summary>
    [Id(9)] public required RuleGrade[] Grades { get; init; }

    [Id(10)] public required string WindowEn { get; init; }

    /// <summary>Whether the detectors read this rule's parameters from the library yet; the others still read options.</summary>
    [Id(11)] public bool ReadAtRunTime { get; init; }

    public RuleParameter? Parameter(string name) => Array.Find(Parameters, p => p.Name == name);

    public Dictionary<string, decimal> Defaults() => Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
}

/// <summary>The severity an outcome of a rule maps to (判定等级).</summary>
[GenerateSerializer, Immutable]
public sealed record RuleGrade([property: Id(0)] string Severity, [property: Id(1)] string WhenZh, [property: Id(2)] string WhenEn);

public static class RuleStages
{
    /// <summary>事中: judged while the claims come in.</summary>
    public const string During = "during";

    /// <summary>事后: judged over a period after the fact.</summary>
    public const string After = "after";
}
