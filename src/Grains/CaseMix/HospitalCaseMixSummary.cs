namespace Monitoring.CaseMix;

/// <summary>
/// What a hospital's coding watch tells its region: its level and its month-by-DRG sums of the fund year so far, and
/// which fund year that is (so that a watch not yet rolled over to a new year is not read as this year's figures).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HospitalCaseMixSummary(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] int Level,
    [property: Id(2)] DrgMonth[] Months,
    [property: Id(3)] DateOnly AsOf)
{
    [Id(4)] public int FundYear { get; init; }
}
