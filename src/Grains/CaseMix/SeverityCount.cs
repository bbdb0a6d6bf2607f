namespace Monitoring.CaseMix;

/// <summary>Split cases (severity 1, 3 or 5) of one ADRG in one period, and how many of them were coded heavy (1 or 3).</summary>
[GenerateSerializer, Immutable]
public readonly record struct SeverityCount([property: Id(0)] long Cases, [property: Id(1)] long Heavy)
{
    public static SeverityCount operator +(SeverityCount a, SeverityCount b) => new(a.Cases + b.Cases, a.Heavy + b.Heavy);

    public double Share => Cases == 0 ? 0 : Heavy / (double)Cases;
}
