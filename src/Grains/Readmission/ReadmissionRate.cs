namespace Monitoring.Readmission;

/// <summary>
/// 再入院率: a hospital's 15-day readmission rate over the rate window — suspect pairs whose second stay it settled,
/// per discharge it settled.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReadmissionRate([property: Id(0)] int Discharges, [property: Id(1)] int Pairs)
{
    public double Rate => Discharges > 0 ? (double)Pairs / Discharges : 0;
}
