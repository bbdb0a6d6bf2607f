namespace Monitoring.Cases;

/// <summary>
/// What the hub tells the people who may see a case when it moves: which case, what happened, where it stands and the
/// money. Carries nothing internal (no notes, no owner), so the hospital's group may receive it as is; the details
/// are read through <c>GET /api/cases/{id}</c>, which applies the reader's scope.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseNotice(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Event,
    [property: Id(2)] string Status,
    [property: Id(3)] string Kind,
    [property: Id(4)] string CountyId,
    [property: Id(5)] string? RegionId,
    [property: Id(6)] string HospitalId,
    [property: Id(7)] decimal AmountAtStake,
    [property: Id(8)] decimal Recovered,
    [property: Id(9)] DateTimeOffset At)
{
    public static CaseNotice Of(InspectionCase c, string @event, DateTimeOffset at) =>
        new(c.CaseId, @event, c.Status, c.Kind, c.CountyId, c.RegionId, c.HospitalId, c.AmountAtStake, c.Recovered, at);
}
