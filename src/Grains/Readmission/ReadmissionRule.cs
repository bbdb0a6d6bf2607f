using Monitoring.Alerts;

namespace Monitoring.Readmission;

/// <summary>
/// 分解住院: split hospitalization — a patient discharged and readmitted within days for the same condition, so that
/// one episode of care is billed as two DRG cases. Two stays are one suspect episode when the second starts within
/// the window after the first ends, they share an ICD-10 category or an ADRG, neither is planned repeated treatment,
/// and the first did not end in death. The place is not checked here: the caller keeps one window per place.
/// </summary>
public static class ReadmissionRule
{
    /// <summary>
    /// The finding for <paramref name="first"/> followed by <paramref name="second"/> (by admission), or null when
    /// they are not a suspect pair. <paramref name="norm"/> is the usual stay of the first stay's DRG as the window
    /// knows it, if any.
    /// </summary>
    public static SplitFinding? Match(Stay first, Stay second, ReadmissionThresholds t, DrgNorm? norm = null)
    {
        var interval = second.Admission.DayNumber - first.Discharge.DayNumber;
        if (interval < 0 || interval > t.WindowDays)
        {
            return null;
        }

        var sameCategory = first.DiagnosisCategory == second.DiagnosisCategory;
        // An ungrouped stay (未入组) has no ADRG to compare: only its diagnosis can tie it to the other.
        var sameAdrg = first.Adrg is not null && first.Adrg == second.Adrg;
        if (!sameCategory && !sameAdrg)
        {
            return null;
        }

        if (first.Disposition == Stay.Death || IsPlanned(first, t) || IsPlanned(second, t) || !Retained(first, second, t))
        {
            return null;
        }

        var aggravations = Aggravations(first, second, t, norm);
        var severity = interval <= t.CriticalMaxDays ? AlertSeverity.Critical
            : interval <= t.WarningMaxDays ? AlertSeverity.Warning
            : AlertSeverity.Notice;
        if (aggravations != SplitAggravation.None && severity < AlertSeverity.Critical)
        {
            severity++;
        }

        return new SplitFinding(interval, t.WindowDays, severity, sameCategory, sameAdrg, aggravations, Trusted(norm, t))
        {
            CriticalMaxDays = t.CriticalMaxDays,
            WarningMaxDays = t.WarningMaxDays,
        };
    }

    /// <summary>
    /// Whether the detector still held the earlier-settled stay when the later one was settled. A stay is dropped
    /// <see cref="ReadmissionThresholds.RetentionDays"/> after its discharge in settlement time; judging that from the
    /// two stays alone keeps the answer the same whatever order or batches the claims came in.
    /// </summary>
    public static bool Retained(Stay a, Stay b, ReadmissionThresholds t)
    {
        var (earlier, later) = SettledBefore(a, b) ? (a, b) : (b, a);
        return earlier.Discharge.DayNumber >= later.SettledDay.DayNumber - t.RetentionDays;
    }

    private static bool SettledBefore(Stay a, Stay b)
    {
        var bySettlement = a.SettledAt.CompareTo(b.SettledAt);
        return bySettlement != 0 ? bySettlement < 0 : string.CompareOrdinal(a.ClaimId, b.ClaimId) <= 0;
    }

    private static bool IsPlanned(Stay stay, ReadmissionThresholds t) =>
        Array.IndexOf(t.PlannedTreatmentCategories, stay.DiagnosisCategory) >= 0;

    private static SplitAggravation Aggravations(Stay first, Stay second, ReadmissionThresholds t, DrgNorm? norm)
    {
        var signs = first.Disposition == Stay.NonMedicalAdviceDischarge ? SplitAggravation.NonMedicalAdviceDischarge : SplitAggravation.None;
        if (Trusted(norm, t) is { } usual)
        {
            if (first.LengthOfStay < t.ShortStayFraction * usual.MeanLengthOfStay)
            {
                signs |= SplitAggravation.ShortFirstStay;
            }

            if (first.TotalCost + second.TotalCost <= usual.MeanTotalCost)
            {
                signs |= SplitAggravation.CombinedCostWithinOneStay;
            }
        }

        return signs;
    }

    // A mean of a handful of cases says little about what is usual: below the minimum the norm is not used at all.
    private static DrgNorm? Trusted(DrgNorm? norm, ReadmissionThresholds t) => norm is { } n && n.Cases >= t.MinNormCases ? n : null;
}
