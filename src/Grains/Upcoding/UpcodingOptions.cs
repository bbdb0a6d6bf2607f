namespace Monitoring.Upcoding;

/// <summary>
/// Thresholds of the upcoding watch (<c>Monitoring:Rules:Upcoding</c>). The defaults find a hospital that starts coding
/// a tenth of its severity-5 cases as 1 or 3 within weeks when it settles a few hundred cases a month, and keep a year
/// of in-control weeks of every hospital of a prefecture quiet.
/// </summary>
public sealed class UpcodingOptions
{
    public const string Section = "Monitoring:Rules:Upcoding";

    /// <summary>Off only to measure what the detector costs; a regulator has no reason to turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The change the CUSUM looks for: this share of the severity-5 cases moved to 1 or 3 (the 10%).</summary>
    public double ShiftFraction { get; set; } = 0.10;

    /// <summary>
    /// The CUSUM threshold h, in log-likelihood: e^6 ≈ 400:1 for a change over no change. Above the textbook 5 because
    /// the baseline is itself estimated from the hospital's first weeks, which adds noise the textbook run length ignores.
    /// </summary>
    public double Threshold { get; set; } = 6;

    /// <summary>The statistic at which a standing finding is escalated to critical: the evidence has grown this many times over.</summary>
    public double EscalationFactor { get; set; } = 3;

    /// <summary>Weeks of the hospital's own history before its change is judged at all.</summary>
    public int BaselineWeeks { get; set; } = 6;

    /// <summary>Split cases (severity 1, 3 or 5) the baseline needs before the hospital is judged.</summary>
    public int MinBaselineCases { get; set; } = 60;

    /// <summary>How many cases' worth of the hospital's overall heavy share an ADRG's own baseline is pulled towards.</summary>
    public double PriorCases { get; set; } = 20;

    /// <summary>
    /// Standard errors of the hospital's baseline heavy share added to every ADRG's baseline: the baseline is estimated
    /// from a few weeks, and judging against an estimate that came out low by chance is the main source of false alarms.
    /// </summary>
    public double BaselineMargin { get; set; } = 1.5;

    /// <summary>The small-numbers guard on the run since the onset: cases, expected heavy cases, ratio and Poisson tail.</summary>
    public int MinRunCases { get; set; } = 40;

    public double MinRunExpected { get; set; } = 8;

    public double MinRunRatio { get; set; } = 1.05;

    public double MaxRunPValue { get; set; } = 0.005;

    /// <summary>
    /// The inconsistency a finding needs: heavy-but-light cases since the onset at least this many times, and this
    /// improbably, above the hospital's own share of them before. A rise of heavy share whose patients really stay
    /// longer and cost more is case mix or chance, not upcoding. Loose on purpose: it is asked only of a change the
    /// CUSUM already found, to tell a hospital whose patients got sicker from one whose records did.
    /// </summary>
    public double MinLightRatio { get; set; } = 1.1;

    public double MaxLightPValue { get; set; } = 0.2;

    /// <summary>The guard on the comparison with same-level peers (supporting evidence, never the trigger).</summary>
    public int MinPeerCases { get; set; } = 60;

    public double MinPeerExpected { get; set; } = 10;

    public double MinPeerRatio { get; set; } = 1.10;

    public double MaxPeerPValue { get; set; } = 0.01;

    /// <summary>Same-level hospitals of the region (the hospital itself excluded) a peer comparison needs.</summary>
    public int MinPeers { get; set; } = 2;

    /// <summary>How often a hospital's watch sends its summary to the region (wall time): peers and indicators lag by this.</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Heavy-but-light cases whose claim ids an alert lists (the count is always whole).</summary>
    public int MaxExampleClaims { get; set; } = 30;

    public bool IsValid =>
        ShiftFraction is > 0 and < 1 && Threshold > 0 && EscalationFactor >= 1 && BaselineWeeks is >= 1 and <= 26
        && MinBaselineCases >= 0 && PriorCases >= 0 && BaselineMargin >= 0 && MinRunCases >= 0 && MinRunExpected >= 0 && MinRunRatio >= 1
        && MaxRunPValue is > 0 and <= 1 && MinPeerCases >= 0 && MinPeerExpected >= 0 && MinPeerRatio >= 1
        && MaxPeerPValue is > 0 and <= 1 && MinLightRatio >= 1 && MaxLightPValue is > 0 and <= 1 && MinPeers >= 1 && SummaryInterval > TimeSpan.Zero && MaxExampleClaims is >= 0 and <= 500;
}
