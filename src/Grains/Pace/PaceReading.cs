using Monitoring.Alerts;

namespace Monitoring.Pace;

/// <summary>
/// 使用进度 vs 时间进度: an account's budget pace at the end of one settlement day. Shares are fractions of the
/// annual budget (0.42 = 42%); the time share follows the county's monthly profile, flat by days without one.
/// <see cref="ProjectedShare"/> is the credibility-blended year end (<see cref="PaceProjection"/>),
/// <see cref="ProjectedLowShare"/> its lower confidence bound, which alone may raise a level, and only when
/// <see cref="ProjectionReliable"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PaceReading(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] decimal AnnualBudget,
    [property: Id(2)] decimal FundPaid,
    [property: Id(3)] decimal ExpectedToDate,
    [property: Id(4)] decimal UsedShare,
    [property: Id(5)] decimal TimeShare,
    [property: Id(6)] decimal ProjectedYearEnd,
    [property: Id(7)] decimal ProjectedShare,
    [property: Id(8)] AlertSeverity? Level,
    [property: Id(9)] bool ProjectionReliable = true,
    [property: Id(10)] decimal? ProjectedLowShare = null,
    [property: Id(11)] decimal Credibility = 1,
    [property: Id(12)] long WindowClaims = 0)
{
    /// <summary>Used share minus time share, in percentage points.</summary>
    public decimal GapPoints => (UsedShare - TimeShare) * 100;

    /// <summary>The share a projection finding rests on: the lower bound where there is one.</summary>
    public decimal ProjectionEvidenceShare => ProjectedLowShare ?? ProjectedShare;
}
