using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Registry;

namespace Monitoring.Pace;

/// <summary>
/// The silo's budget-pace rules with their thresholds bound: what a fund account asks to judge its days and to read
/// its pace and year-end preview, each day under the thresholds in force for its county on it. The rules themselves
/// are <see cref="PaceTrack"/> and <see cref="YearEndSettlement"/>.
/// </summary>
public sealed class PaceJudgement(IPaceThresholds pace, IOptions<YearEndOptions> yearEnd, TimeProvider clock)
{
    public PaceProgress Advance(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int> claims, PaceStanding standing,
        FundAccountProfile account, DateOnly through) =>
        PaceTrack.Advance(days, claims, standing, account, through, On(account), clock.GetUtcNow());

    public PaceProgress Crossing(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int> claims, PaceStanding standing,
        FundAccountProfile account) =>
        PaceTrack.Crossing(days, claims, standing, account, On(account), clock.GetUtcNow());

    public (PaceReading? Pace, YearEndPreview? YearEnd) Read(IReadOnlyDictionary<int, decimal> days, IReadOnlyDictionary<int, int> claims,
        DateTimeOffset? lastSettledAt, int pacedThrough, AlertSeverity? level, FundAccountProfile account)
    {
        var reading = PaceTrack.Current(days, claims, lastSettledAt, pacedThrough, level, account, On(account));
        var preview = account.Level != FundLevel.County && reading is not null
            ? YearEndSettlement.Preview(reading.AnnualBudget, reading.ProjectedYearEnd, account.AllianceType, yearEnd.Value)
            : null;
        return (reading, preview);
    }

    private Func<DateOnly, PaceThresholds> On(FundAccountProfile account) => day => pace.On(account.CountyId, account.RegionId, day);
}
