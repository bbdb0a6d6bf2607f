namespace Monitoring.Readmission;

/// <summary>One county's thresholds for split hospitalization and the readmission rate.</summary>
public sealed class ReadmissionThresholds
{
    /// <summary>A readmission this many days or fewer after discharge is suspect (the 15-day rule of the DRG audit lists).</summary>
    public int WindowDays { get; set; } = 15;

    /// <summary>
    /// ICD-10 categories of planned, repeated treatment — Z51 (chemotherapy, radiotherapy sessions), Z49 (dialysis) —
    /// where a return within days is the treatment plan, not a split episode.
    /// </summary>
    public string[] PlannedTreatmentCategories { get; set; } = ["Z51", "Z49"];

    /// <summary>How long after its discharge a stay is still compared with stays settled later, in days of settlement time.</summary>
    public int RetentionDays { get; set; } = 60;

    /// <summary>Intervals up to this many days are critical: a discharge and readmission within two days is rarely clinical.</summary>
    public int CriticalMaxDays { get; set; } = 2;

    /// <summary>Intervals up to this many days (and above <see cref="CriticalMaxDays"/>) are warnings; longer, up to the window, notices.</summary>
    public int WarningMaxDays { get; set; } = 7;

    /// <summary>A first stay shorter than this share of its DRG's mean stay looks cut short.</summary>
    public double ShortStayFraction { get; set; } = 0.5;

    /// <summary>A DRG's means are trusted as its usual stay only once this many cases stand behind them.</summary>
    public int MinNormCases { get; set; } = 10;

    /// <summary>The readmission rate is measured over this many days of settlement time.</summary>
    public int RateWindowDays { get; set; } = 90;

    /// <summary>Below this many discharges in the rate window a hospital's rate is noise and is not judged.</summary>
    public int RateMinDischarges { get; set; } = 50;

    /// <summary>A rate at this multiple of the peer median or more is out of line...</summary>
    public double RateRatioOverPeers { get; set; } = 2.0;

    /// <summary>...provided it is also this many percentage points above it: twice a tiny median is still tiny.</summary>
    public double RateMinExcessPoints { get; set; } = 3.0;

    /// <summary>
    /// How far below the threshold, in percentage points, a raised rate must fall before it clears: without it a
    /// hospital hovering at the threshold would raise and clear an alert every day.
    /// </summary>
    public double RateHysteresisPoints { get; set; } = 1.0;

    public bool IsValid =>
        WindowDays is > 0 and <= 90
        && CriticalMaxDays >= 0 && WarningMaxDays > CriticalMaxDays && WarningMaxDays <= WindowDays
        && RetentionDays >= WindowDays
        && PlannedTreatmentCategories is not null && PlannedTreatmentCategories.All(c => c is { Length: 3 })
        && ShortStayFraction is > 0 and < 1 && MinNormCases > 0
        && RateWindowDays is > 0 and <= 366 && RateMinDischarges > 0
        && RateRatioOverPeers >= 1 && RateMinExcessPoints >= 0
        // A band wider than the excess could hold an alert even with the hospital back at its peers' median.
        && RateHysteresisPoints >= 0 && RateHysteresisPoints <= RateMinExcessPoints;
}
