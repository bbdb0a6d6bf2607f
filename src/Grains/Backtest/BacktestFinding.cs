namespace Monitoring.Backtest;

/// <summary>
/// A finding as a backtest compares it: <see cref="Key"/> is what it is about (for a split pair, its two claims),
/// the same whichever rule version found it, so that the two sides of a backtest meet on it.
/// </summary>
public sealed record BacktestFinding(string Key, string Kind, string HospitalId, DateOnly KnownOn, Func<string, BacktestExample> Example);
