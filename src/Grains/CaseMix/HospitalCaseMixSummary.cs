namespace Monitoring.CaseMix;

/// <summary>What a hospital's coding watch tells its region: its level and its month-by-DRG sums of the fund year so far.</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalCaseMixSummary(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] int Level,
    [property: Id(2)] DrgMonth[] Months,
    [property: Id(3)] DateOnly AsOf);
