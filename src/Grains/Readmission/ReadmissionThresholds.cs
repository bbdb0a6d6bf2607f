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

    /// <summary>Below this many discharges in the rate window a hospital's rate is noise: it is not a peer in the median shown beside a rate.</summary>
    public int RateMinDischarges { get; set; } = 50;

    /// <summary>
    /// The excess the rate test is tuned to find: pairs at this multiple of what the hospital's discharges lead one to
    /// expect at its peers' rate. Doubling is what deliberate splitting does to a hospital's rate within months.
    /// </summary>
    public double RateShiftRatio { get; set; } = 2.0;

    /// <summary>No alert on a run whose pairs are below this multiple of expected: a smaller excess is not worth a regulator's visit.</summary>
    public double RateMinEffect { get; set; } = 1.5;

    /// <summary>
    /// The chance, in a year, that a region whose hospitals all readmit at their peers' rate gets even one rate alert:
    /// the threshold is ln(365 × hospitals ÷ this), paying for every hospital and day tested.
    /// </summary>
    public double RateFamilyError { get; set; } = 0.05;

    /// <summary>Small-numbers guard: no alert on a run of fewer suspect pairs than this, however unlikely.</summary>
    public int RateMinRunPairs { get; set; } = 10;

    /// <summary>
    /// A standing alert clears once the evidence that the hospital is back to expected, against still at the shift
    /// ratio, reaches this log-likelihood ratio (ln 20 ≈ 3: twenty to one). A separate test, not a lower line for the
    /// same statistic, so a hospital hovering near the threshold does not raise and clear.
    /// </summary>
    public double RateClearEvidence { get; set; } = 3.0;

    /// <summary>The reference rate is taken as at least this: a region with no pairs yet must not make every first pair a sensation.</summary>
    public double RateMinReference { get; set; } = 0.001;

    /// <summary>A reference rate is used only with this many of the peers' discharges behind it in the rate window.</summary>
    public int RateMinReferenceDischarges { get; set; } = 1_000;

    public bool IsValid =>
        WindowDays is > 0 and <= 90
        && CriticalMaxDays >= 0 && WarningMaxDays > CriticalMaxDays && WarningMaxDays <= WindowDays
        && RetentionDays >= WindowDays
        && PlannedTreatmentCategories is not null && PlannedTreatmentCategories.All(c => c is { Length: 3 })
        && ShortStayFraction is > 0 and < 1 && MinNormCases > 0
        && RateWindowDays is > 0 and <= 366 && RateMinDischarges > 0
        && RateShiftRatio > 1 && RateMinEffect >= 1 && RateFamilyError is > 0 and < 1
        && RateMinRunPairs > 0 && RateClearEvidence > 0 && RateMinReference is > 0 and < 1 && RateMinReferenceDischarges > 0;
}
