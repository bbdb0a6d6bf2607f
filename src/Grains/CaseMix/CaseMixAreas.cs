using Monitoring.Readmission;

namespace Monitoring.CaseMix;

/// <summary>The target-area counts (<see cref="TargetAreas"/>) a hospital's summaries give, month by month.</summary>
public static class CaseMixAreas
{
    /// <summary>Short stays per case and heavy cases per split case, each month the hospital has cases.</summary>
    public static IEnumerable<AreaRow> Of(HospitalCaseMixSummary summary) =>
        summary.Months.GroupBy(m => m.Month).SelectMany(month => new[]
        {
            new AreaRow(TargetAreas.ShortStay, month.Key, new AreaCount(summary.HospitalId, month.Sum(m => m.ShortStays), month.Sum(m => m.Cases))),
            new AreaRow(TargetAreas.HeavyShare, month.Key, new AreaCount(summary.HospitalId,
                month.Where(m => m.IsHeavy).Sum(m => m.Cases), month.Where(m => m.IsSplit).Sum(m => m.Cases))),
        });

    /// <summary>Suspect pairs known per discharge settled, in one month.</summary>
    public static AreaRow Of(HospitalReadmissionMonth month) =>
        new(TargetAreas.ReadmissionRate, month.Month, new AreaCount(month.HospitalId, month.Pairs, month.Discharges));
}
