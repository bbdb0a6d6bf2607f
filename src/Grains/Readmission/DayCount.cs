namespace Monitoring.Readmission;

/// <summary>One settlement day of a hospital: stays it settled and suspect pairs that became known on it.</summary>
[GenerateSerializer, Immutable]
public sealed record DayCount([property: Id(0)] DateOnly Day, [property: Id(1)] int Discharges, [property: Id(2)] int Pairs);
