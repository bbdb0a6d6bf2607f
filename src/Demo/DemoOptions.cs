using System.ComponentModel.DataAnnotations;

namespace Monitoring.Demo;

/// <summary>
/// The embedded demo feed (section <c>Monitoring:Demo</c>): which synthetic year it plays and how fast. Register with
/// <c>AddOptions&lt;DemoOptions&gt;().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string SectionName = "Monitoring:Demo";

    public bool Enabled { get; set; } = true;

    /// <summary>Seeds the prefecture's budgets and the claims alike: the same seed plays the same year.</summary>
    public int Seed { get; set; } = 2026;

    [Range(2000, 2100)]
    public int FundYear { get; set; } = 2026;

    /// <summary>Wall-clock minutes one simulated fund year lasts: 10 plays a year while someone watches the dashboard.</summary>
    [Range(0.1, 525_600.0)]
    public double YearMinutes { get; set; } = 10;

    /// <summary>
    /// When a year ends, put the next fund year's registry in force and play that year (the same story, a year on), so
    /// the board never stops. Each year is its own account year: its claims carry its dates and count only in it.
    /// </summary>
    public bool Loop { get; set; } = true;

    /// <summary>Settlements in the year across the prefecture; a real one of its size settles about this many.</summary>
    [Range(DemoClaimStream.MinimumClaims, DemoClaimStream.MaximumClaims)]
    public int ClaimsPerYear { get; set; } = 200_000;

    /// <summary>Plant split hospitalization (分解住院) and its legitimate look-alikes among the year's cases.</summary>
    public bool PlantSplits { get; set; } = true;

    /// <summary>Plant upcoders (高套编码), a legitimately heavy referral centre and ungrouped cases (未入组).</summary>
    public bool PlantUpcoding { get; set; } = true;

    /// <summary>Plant the budget stories of <see cref="BudgetPlanting"/>: funds that step up, run hot early and recover, a county that overruns late.</summary>
    public bool PlantBudget { get; set; } = true;

    /// <summary>Plant low-threshold admission (降低住院指征收治住院): short, cheap stays everywhere, many more at a few hospitals from an onset.</summary>
    public bool PlantLowThreshold { get; set; } = true;

    /// <summary>
    /// The month the first year opens in: 1 plays it from 1 January; 7 settles January to June at once and plays on from
    /// 1 July, so a newcomer opens a board well into its year (alerts raised, cases open) instead of an all-正常 January.
    /// </summary>
    [Range(1, 12)]
    public int OpenAtMonth { get; set; } = 1;

    /// <summary>
    /// Where the embedded host writes the demo tokens as shell assignments (<c>. ./demo-tokens.env</c>, then
    /// <c>$REGION_REGULATOR</c>…), relative to the working directory; empty writes none.
    /// </summary>
    public string? TokensFile { get; set; } = "demo-tokens.env";

    /// <summary>How often the feed posts what has come due: often enough that the dashboard moves smoothly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
