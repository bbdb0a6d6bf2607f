using Monitoring.Cases;
using Monitoring.Registry;

namespace Monitoring.Reports;

/// <summary>
/// The monthly report's cases section (稽核案件): the inspection cases of the fund's scope (a county's, or an
/// alliance's hospitals') opened in the month and the amount they put at stake, those decided in it (confirmed or
/// dismissed), and what was recovered in it — the recoveries booked in the month less any returned on appeal, by the
/// settlement time of the booking, so the figure is the one the fund's own books carry. Opening and decision are
/// stamped in settlement time (the finding's, or the settlement clock's when a person acted), so a month's cases are
/// those of its settlement month, in a replayed or compressed year too.
/// </summary>
public sealed record ReportCases(int Opened, decimal OpenedAtStake, int Decided, int Confirmed, int Dismissed, decimal Recovered, int Active, decimal ActiveAtStake)
{
    public static ReportCases Of(FundAccountProfile profile, int month, IEnumerable<InspectionCase> cases)
    {
        var from = new DateTimeOffset(new DateOnly(profile.FundYear, month, 1).ToDateTime(TimeOnly.MinValue), Claims.BudgetClock.ChinaOffset);
        var until = from.AddMonths(1);
        bool InMonth(DateTimeOffset at) => at >= from && at < until;

        var mine = cases.Where(c => profile.Level switch
        {
            FundLevel.County => c.CountyId == profile.Id,
            FundLevel.Alliance => c.AllianceId == profile.Id,
            _ => c.HospitalId == profile.Id,
        }).ToList();
        var opened = mine.Where(c => InMonth(c.OpenedAt)).ToList();
        var decided = mine.Where(c => c.Decision is { } d && InMonth(d.At)).ToList();
        var active = mine.Where(c => CaseStatus.IsActive(c.Status)).ToList();
        return new ReportCases(
            opened.Count,
            opened.Sum(c => c.AmountAtStake),
            decided.Count,
            decided.Count(c => c.Decision!.Outcome == CaseStatus.Confirmed),
            decided.Count(c => c.Decision!.Outcome == CaseStatus.Dismissed),
            -mine.SelectMany(c => c.Bookings).Where(b => InMonth(b.SettledAt)).Sum(b => b.FundPaid),
            active.Count,
            active.Sum(c => c.AmountAtStake));
    }
}
