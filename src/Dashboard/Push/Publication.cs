using Monitoring.Alerts;
using Monitoring.Assessment;
using Monitoring.Cases;
using Monitoring.Funds.Snapshots;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// One thing the system tells people, in the envelope every push carries: an alert (new, or changed, e.g. withdrawn)
/// or a fund account's latest status. Exactly one of the two is set; routing reads <see cref="CountyId"/>,
/// <see cref="RegionId"/> and <see cref="HospitalId"/>, so no hub needs the registry to decide who may see it.
/// </summary>
// The envelope of the push, so it lives with the push: the grains' door (IPublisher) knows no envelope. The alias keeps
// the name it shipped under, so silos of both versions still understand each other during a rolling upgrade.
[GenerateSerializer, Immutable, Alias("Monitoring.Publishing.Publication")]
public sealed record Publication
{
    [Id(0)] public Alert? Alert { get; init; }

    [Id(1)] public FundStatus? Fund { get; init; }

    /// <summary>An inspection case moved (set instead of the other two).</summary>
    [Id(2)] public CaseNotice? Case { get; init; }

    /// <summary>An alliance's assessment moved a step (set instead of the others); its lead hospital is the hospital that sees it.</summary>
    [Id(3)] public AssessmentNotice? Assessment { get; init; }

    public static Publication Of(Alert alert) => new() { Alert = alert };

    public static Publication Of(AssessmentNotice notice) => new() { Assessment = notice };

    public static Publication Of(CaseNotice notice) => new() { Case = notice };

    public static Publication Of(FundStatus status) => new() { Fund = status };

    public string CountyId => Alert?.CountyId ?? Case?.CountyId ?? Assessment?.CountyId ?? Fund!.CountyId;

    public string? RegionId => Alert is { } alert ? alert.RegionId : Case is { } notice ? notice.RegionId
        : Assessment is { } assessment ? assessment.RegionId : Fund!.RegionId;

    /// <summary>The hospital that may see it: the one an alert or a case is about, or a hospital's own fund status.</summary>
    public string? HospitalId => Alert is { } alert ? alert.HospitalId
        : Case is { } notice ? notice.HospitalId
        : Assessment is { } assessment ? assessment.LeadHospitalId
        : Fund!.Level == Monitoring.Registry.FundLevel.Hospital ? Fund.Id : null;

    /// <summary>Publications with the same key replace each other while waiting to be pushed: a fund's latest status wins.</summary>
    public (string Kind, string Id)? CoalescingKey => Fund is { } fund ? (fund.Level, fund.Id) : null;
}
