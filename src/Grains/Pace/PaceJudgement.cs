using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Registry;

namespace Monitoring.Pace;

/// <summary>
/// The silo's budget-pace rules with their configuration bound: what a fund account asks to judge its days and to
/// read its pace and year-end preview. The rules themselves are <see cref="PaceTrack"/> and <see cref="YearEndSettlement"/>.
/// </summary>
public sealed class PaceJudgement(IOptions<BudgetPaceOptions> pace, IOptions<YearEndOptions> yearEnd, TimeProvider clock)
{
    public PaceProgress Advance(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int> claims, PaceStanding standing,
        FundAccountProfile account, DateOnly through) =>
        PaceTrack.Advance(days, claims, standing, account, through, pace.Value.For(account.CountyId), clock.GetUtcNow());

    public PaceProgress Crossing(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int> claims, PaceStanding standing,
        FundAccountProfile account) =>
        PaceTrack.Crossing(days, claims, standing, account, pace.Value.For(account.CountyId), clock.GetUtcNow());

    public (PaceReading? Pace, YearEndPreview? YearEnd) Read(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int> claims,
        DateTimeOffset? lastSettledAt, int pacedThrough, AlertSeverity? level, FundAccountProfile account)
    {
        var reading = PaceTrack.Current(days, claims, lastSettledAt, pacedThrough, level, account, pace.Value.For(account.CountyId));
        var preview = account.Level != FundLevel.County && reading is not null
            ? YearEndSettlement.Preview(reading.AnnualBudget, reading.ProjectedYearEnd, account.AllianceType, yearEnd.Value)
            : null;
        return (reading, preview);
    }
}
