namespace Monitoring.Pace;

/// <summary>
/// Thresholds of the budget-pace alerts (<c>Monitoring:Rules:BudgetPace</c>), with per-county overrides under
/// <c>Counties:&lt;countyId&gt;</c>: a county whose spending is lumpy by design can be given a wider band.
/// </summary>
public sealed class BudgetPaceOptions
{
    public const string Section = "Monitoring:Rules:BudgetPace";

    public PaceThresholds Defaults { get; set; } = new();

    public Dictionary<string, PaceThresholds> Counties { get; set; } = [];

    public PaceThresholds For(string countyId) => Counties.TryGetValue(countyId, out var own) ? own : Defaults;
}

/// <summary>One county's pace thresholds, in percentage points of the annual budget.</summary>
public sealed class PaceThresholds
{
    /// <summary>notice when the used share runs this many points ahead of the time share.</summary>
    public decimal NoticeGapPoints { get; set; } = 5;

    /// <summary>warning at this many points ahead.</summary>
    public decimal WarningGapPoints { get; set; } = 10;

    /// <summary>critical when the year-end projection passes this share of the budget (110 = 110%).</summary>
    public decimal CriticalProjectionPercent { get; set; } = 110;

    /// <summary>
    /// How far back past a threshold a finding must recover before it eases or clears: without it, spend hovering
    /// at a threshold would raise and clear an alert every day.
    /// </summary>
    public decimal HysteresisPoints { get; set; } = 2;

    /// <summary>The recent window whose spending rate projects the year end, in days.</summary>
    public int ProjectionWindowDays { get; set; } = 28;

    public bool IsValid =>
        NoticeGapPoints > 0 && WarningGapPoints > NoticeGapPoints && CriticalProjectionPercent > 100
        && HysteresisPoints >= 0 && HysteresisPoints < NoticeGapPoints && ProjectionWindowDays is > 0 and <= 366;
}
