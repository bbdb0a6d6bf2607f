namespace Monitoring.LowThreshold;

/// <summary>
/// Thresholds of the low-threshold admission detector (<c>Monitoring:Rules:LowThreshold</c>): what a short, cheap stay
/// is, how a hospital's share of them is tracked against its own past (CUSUM) and against its same-level peers
/// (observed against expected), and the small-numbers guards that keep a township health centre with a handful of
/// stays from being flagged on noise.
/// </summary>
public sealed class LowThresholdOptions
{
    public const string Section = "Monitoring:Rules:LowThreshold";

    /// <summary>Off only to measure what the detector costs; a regulator has no reason to turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A stay of at most this many days is short (the day of admission and of discharge count once).</summary>
    public int MaxLengthOfStayDays { get; set; } = 2;

    /// <summary>A stay costing at most this fraction of the region's median cost of its ADRG (all severities) is cheap.</summary>
    public double MaxCostFractionOfMedian { get; set; } = 0.5;

    /// <summary>An ADRG's region-wide median is trusted only once this many stays stand behind it; stays of an ADRG with fewer are not judged.</summary>
    public int MinMedianCases { get; set; } = 20;

    /// <summary>
    /// ICD-10 categories of conditions an outpatient visit usually serves — upper-respiratory infection, acute
    /// bronchitis, gastritis and gastro-enteritis, uncomplicated hypertension and diabetes, urinary infection, back pain —
    /// the admissions inspectors name first. Stays with these principal diagnoses are marked in the evidence.
    /// </summary>
    public string[] OutpatientTreatableCategories { get; set; } =
        ["J00", "J02", "J03", "J06", "J20", "J40", "K29", "K30", "K52", "A09", "I10", "E11", "N39", "M54", "R10", "R50", "R51"];

    /// <summary>
    /// When true only short, cheap stays with an outpatient-treatable principal diagnosis count in the share (all judged
    /// stays still count in its denominator): a stricter reading for a region whose short stays are mostly observation.
    /// </summary>
    public bool CountOnlyOutpatientTreatable { get; set; }

    /// <summary>
    /// Planned, repeated treatment — Z51 (chemotherapy, radiotherapy), Z49 (dialysis) — is short and cheap by design;
    /// the same categories the split-hospitalization rule excludes.
    /// </summary>
    public string[] PlannedTreatmentCategories { get; set; } = ["Z51", "Z49"];

    /// <summary>The hospital's own baseline share is taken over at most this many settled weeks before the change being tested.</summary>
    public int BaselineWeeks { get; set; } = 26;

    /// <summary>No change is tested before the baseline has this many weeks...</summary>
    public int MinBaselineWeeks { get; set; } = 8;

    /// <summary>...and this many judged stays behind it.</summary>
    public int MinBaselineStays { get; set; } = 120;

    /// <summary>The baseline is pulled towards the same-level peers' share by a prior worth this many stays (few stays say little).</summary>
    public double BaselinePriorStays { get; set; } = 50;

    /// <summary>
    /// The change the CUSUM is tuned to find: this fraction of the stays that were not short and cheap become so
    /// (<c>RateShift.MovedFraction</c>); 0.08 turns a 4% share into about 12%.
    /// </summary>
    public double ShiftFraction { get; set; } = 0.08;

    /// <summary>The CUSUM threshold, in log-likelihood ratio: e^7 ≈ 1,100 to 1 for a change over no change.</summary>
    public double CusumThreshold { get; set; } = 7;

    /// <summary>A CUSUM crossing is an alert only when the run since its onset holds at least this many short, cheap stays...</summary>
    public int MinRunEvents { get; set; } = 10;

    /// <summary>...at least this multiple of what the baseline expected...</summary>
    public double MinRunRatio { get; set; } = 1.5;

    /// <summary>
    /// ...and a Poisson tail probability of the run's count at most this. Small because the run is the best one the CUSUM
    /// could pick, at each of some 40 hospitals, every week of the year: about 16,000 chances, so a one-in-a-million
    /// tail keeps the year's false alerts in a prefecture near zero. A hospital that really changed passes it within weeks.
    /// </summary>
    public double MaxRunPValue { get; set; } = 0.000001;

    /// <summary>While alerted the statistic is held at most this multiple of the threshold, so that a return to normal clears within weeks, not years.</summary>
    public double StatisticCapMultiple { get; set; } = 2;

    /// <summary>An alert clears only once the statistic has fallen to this fraction of the threshold (hysteresis)...</summary>
    public double ClearStatisticFraction { get; set; } = 0.25;

    /// <summary>Peers are compared over this many settled weeks.</summary>
    public int PeerWindowWeeks { get; set; } = 13;

    /// <summary>Same-level peers needed (besides the hospital) before a comparison with them means anything.</summary>
    public int MinPeers { get; set; } = 2;

    /// <summary>The peer comparison needs this many judged stays of the hospital in the window...</summary>
    public int PeerMinStays { get; set; } = 100;

    /// <summary>...this many short, cheap stays expected from its peers' shares...</summary>
    public double PeerMinExpected { get; set; } = 5;

    /// <summary>...an observed/expected ratio of at least this...</summary>
    public double PeerMinRatio { get; set; } = 2.0;

    /// <summary>...and a Poisson tail probability of at most this.</summary>
    public double PeerMaxPValue { get; set; } = 0.0001;

    /// <summary>...and clears only below this ratio (hysteresis).</summary>
    public double PeerClearRatio { get; set; } = 1.5;

    /// <summary>Example claims an alert names (and lists in <c>claimIds</c>), the latest first.</summary>
    public int ExampleClaims { get; set; } = 8;

    /// <summary>How many settled weeks a hospital's watch keeps, and rebuilds from the ledger after a restart.</summary>
    public int RetentionWeeks { get; set; } = 60;

    public bool IsValid =>
        MaxLengthOfStayDays is >= 1 and <= 30
        && MaxCostFractionOfMedian is > 0 and < 1 && MinMedianCases > 0
        && OutpatientTreatableCategories is not null && OutpatientTreatableCategories.All(c => c is { Length: 3 })
        && PlannedTreatmentCategories is not null && PlannedTreatmentCategories.All(c => c is { Length: 3 })
        && BaselineWeeks > 0 && MinBaselineWeeks > 0 && MinBaselineWeeks <= BaselineWeeks && MinBaselineStays > 0
        && BaselinePriorStays >= 0
        && ShiftFraction is > 0 and < 1 && CusumThreshold > 0
        && MinRunEvents > 0 && MinRunRatio >= 1 && MaxRunPValue is > 0 and <= 1
        && StatisticCapMultiple >= 1 && ClearStatisticFraction is >= 0 and < 1
        && PeerWindowWeeks > 0 && MinPeers > 0 && PeerMinStays > 0 && PeerMinExpected > 0
        && PeerMinRatio > 1 && PeerMaxPValue is > 0 and <= 1
        // A clearing ratio at or above the raising one would clear an alert the moment it is raised.
        && PeerClearRatio >= 1 && PeerClearRatio < PeerMinRatio
        && ExampleClaims is > 0 and <= 50
        && RetentionWeeks >= BaselineWeeks + PeerWindowWeeks;
}
