namespace Monitoring.Backtest;

/// <summary>
/// 回溯测试: try a version of a rule (a draft, as if it were published) over a period of the ledger, beside the rules
/// in force. <see cref="From"/> and <see cref="To"/> are settlement dates (China time), both included;
/// <see cref="Scope"/> is the version's scope, and so the places replayed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BacktestRequest(
    [property: Id(0)] string RuleId,
    [property: Id(1)] int Version,
    [property: Id(2)] string Scope,
    [property: Id(3)] DateOnly From,
    [property: Id(4)] DateOnly To,
    [property: Id(5)] string By);
