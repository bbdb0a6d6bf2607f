namespace Monitoring.Rules;

/// <summary>
/// One line of the rule library's history, as it is stored (append-only): a version seeded, drafted, published or
/// retired. The library as it stands is the fold of these lines (<see cref="RuleLibrary.Apply"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleEvent
{
    [Id(0)] public required string RuleId { get; init; }
    [Id(1)] public required int Version { get; init; }
    [Id(2)] public required string Action { get; init; }
    [Id(3)] public required string By { get; init; }
    [Id(4)] public required DateTimeOffset At { get; init; }
    [Id(5)] public required string Reason { get; init; }

    /// <summary>For a seed or a draft: the version's scope, effective date and full parameters.</summary>
    [Id(6)] public string? Scope { get; init; }
    [Id(7)] public DateOnly? EffectiveFrom { get; init; }
    [Id(8)] public Dictionary<string, decimal>? Parameters { get; init; }
}
