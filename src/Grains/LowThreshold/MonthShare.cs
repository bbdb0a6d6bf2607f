namespace Monitoring.LowThreshold;

/// <summary>
/// One settlement month of a hospital: its admissions (住院人次, every inpatient settlement net of reversals), the stays
/// judged and the short, cheap ones among them — the monthly share the dashboard draws beside the admission trend.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MonthShare(
    [property: Id(0)] int Year,
    [property: Id(1)] int Month,
    [property: Id(2)] int Admissions,
    [property: Id(3)] int Stays,
    [property: Id(4)] int ShortAndCheap)
{
    public double? Share => Stays > 0 ? (double)ShortAndCheap / Stays : null;
}
