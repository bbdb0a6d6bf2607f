namespace Monitoring.Pace;

/// <summary>
/// 结余留用、超支自担 applied to the projected year end: a surplus is shared by the rule of the account's kind
/// (a tight alliance keeps all of it, a loose member half), an overrun is borne whole by the account.
/// Amounts in yuan; <see cref="Balance"/> is budget minus projected spend (negative: overrun).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record YearEndPreview(
    [property: Id(0)] decimal ProjectedSpend,
    [property: Id(1)] decimal Balance,
    [property: Id(2)] decimal SurplusShareRetained,
    [property: Id(3)] decimal Retained,
    [property: Id(4)] decimal ReturnedToFund,
    [property: Id(5)] decimal OverrunBorne,
    [property: Id(6)] string RuleZh,
    [property: Id(7)] string RuleEn);
