using Monitoring.Cases;

namespace Monitoring.Dashboard.Cases;

/// <summary>The hub's <c>case</c> method: which case moved, how, and where it stands; nothing internal.</summary>
public sealed record CaseNoticeDocument(
    string CaseId, string Event, string Status, string Kind, string CountyId, string? RegionId, string HospitalId,
    decimal AmountAtStake, decimal Recovered, DateTimeOffset At)
{
    public static CaseNoticeDocument Of(CaseNotice n) =>
        new(n.CaseId, n.Event, n.Status, n.Kind, n.CountyId, n.RegionId, n.HospitalId, n.AmountAtStake, n.Recovered, n.At);
}
