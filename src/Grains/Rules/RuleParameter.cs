namespace Monitoring.Rules;

/// <summary>
/// One parameter of a rule as the library describes it: a reference threshold (参考阈值) with its unit, the bounds a
/// draft must keep and the value today's configuration gives it. Values are decimals: a whole-number parameter
/// (days, counts) says so and a draft with a fraction there is refused.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleParameter(
    [property: Id(0)] string Name,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string Unit,
    [property: Id(4)] decimal Min,
    [property: Id(5)] decimal Max,
    [property: Id(6)] decimal Default,
    [property: Id(7)] bool Whole)
{
    /// <summary>Why <paramref name="value"/> cannot be this parameter, or null when it can.</summary>
    public string? Refusal(decimal value) =>
        Whole && value != decimal.Truncate(value) ? $"{Name} must be a whole number of {Unit}"
        : value < Min || value > Max ? $"{Name} must be between {Min} and {Max} {Unit}; {value} is outside"
        : null;
}
