using Monitoring.Registry;

namespace Monitoring.Backtest;

/// <summary>
/// A finding as a backtest compares it: <see cref="Key"/> is what it is about (for a split pair, its two claims; for
/// a budget alert, its account, day and transition), the same whichever rule version found it, so that the two sides
/// of a backtest meet on it. <see cref="SubjectLevel"/> and <see cref="SubjectId"/> are the hospital or fund account
/// it is about (a <see cref="FundLevel"/>).
/// </summary>
public sealed record BacktestFinding(string Key, string Kind, string SubjectLevel, string SubjectId, DateOnly KnownOn, Func<string, BacktestExample> Example)
{
    public static BacktestFinding AtHospital(string key, string kind, string hospitalId, DateOnly knownOn, Func<string, BacktestExample> example) =>
        new(key, kind, FundLevel.Hospital, hospitalId, knownOn, example);

    /// <summary>The county the finding counts in.</summary>
    public string? CountyIn(FundRegistry registry) => SubjectLevel switch
    {
        FundLevel.County => SubjectId,
        FundLevel.Alliance => registry.Alliances.TryGetValue(SubjectId, out var a) ? a.County.CountyId : null,
        _ => registry.PlacementOf(SubjectId)?.CountyId,
    };
}
