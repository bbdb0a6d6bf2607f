namespace Monitoring.Upcoding;

/// <summary>
/// One ADRG's cases since the onset of a change: split cases, those coded heavy, and the heavy share the hospital's own
/// earlier weeks predict for it (constant through a run, since weeks in a run are not added to the baseline).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AdrgRun(
    [property: Id(0)] string Adrg,
    [property: Id(1)] long Cases,
    [property: Id(2)] long Heavy,
    [property: Id(3)] double Baseline)
{
    public double Expected => Cases * Baseline;

    /// <summary>Heavy cases beyond what the baseline predicts: how much this ADRG drives the finding.</summary>
    public double Excess => Heavy - Expected;
}
