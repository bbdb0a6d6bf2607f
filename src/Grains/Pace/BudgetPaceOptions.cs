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

/// <summary>
/// One county's pace thresholds, in percentage points of the annual budget. The ladder a regulator reads at once:
/// spending past the whole budget is <c>critical</c>; a large gap to the time share is at least <c>warning</c>;
/// <c>notice</c> is the early signal (a smaller gap, or a credible projection of a modest overrun).
/// </summary>
public sealed class PaceThresholds
{
    /// <summary>notice when the used share runs this many points ahead of the time share.</summary>
    public decimal NoticeGapPoints { get; set; } = 5;

    /// <summary>warning at this many points ahead.</summary>
    public decimal WarningGapPoints { get; set; } = 10;

    /// <summary>
    /// A credible projection (its lower confidence bound) past this share of the budget (110 = 110%) is at least
    /// warning, and critical once the account is also ahead of the time share by <see cref="NoticeGapPoints"/>.
    /// </summary>
    public decimal CriticalProjectionPercent { get; set; } = 110;

    /// <summary>
    /// notice when a credible projection's lower confidence bound passes this share of the budget: at 100, "the year
    /// will very likely end over budget" — the early signal of a step-up, weeks before the gap shows it.
    /// </summary>
    public decimal NoticeProjectionPercent { get; set; } = 100;

    /// <summary>
    /// How far back past a threshold a finding must recover before it eases or clears: without it, spend hovering
    /// at a threshold would raise and clear an alert every day.
    /// </summary>
    public decimal HysteresisPoints { get; set; } = 2;

    /// <summary>
    /// Settlement days a level stays in force before it may ease or clear, however the reading moves: a fund that
    /// crosses back and forth within a week keeps one alert instead of a raise and a clear each time.
    /// </summary>
    public int MinimumDwellDays { get; set; } = 7;

    /// <summary>The recent window whose spending rate projects the year end, in days; no projection before it has passed.</summary>
    public int ProjectionWindowDays { get; set; } = 28;

    /// <summary>
    /// Days of the year that must have passed before a projection may raise anything: two windows, so that the recent
    /// rate is weighed against a year to date that is more than the same few weeks.
    /// </summary>
    public int MinimumProjectionDays { get; set; } = 56;

    /// <summary>
    /// Settlements a window must hold at the year's rate before a projection may raise anything: below about 100 a
    /// month (a township health centre), a month's spend swings by a fifth or more, and the gap alone speaks for it.
    /// </summary>
    public int MinimumProjectionClaims { get; set; } = 100;

    /// <summary>
    /// Settlements in the window at which the recent rate gets half the weight in the projection (Bühlmann credibility
    /// Z = n ÷ (n + this)): a county's thousands of claims a month weigh almost wholly, a township centre's few dozen
    /// about a quarter.
    /// </summary>
    public int CredibilityClaims { get; set; } = 100;

    /// <summary>Standard errors between the projection and its lower bound (2.33: one-sided 99%).</summary>
    public decimal ProjectionConfidenceZ { get; set; } = 2.33m;

    public bool IsValid =>
        NoticeGapPoints > 0 && WarningGapPoints > NoticeGapPoints
        && NoticeProjectionPercent >= 100 && CriticalProjectionPercent > NoticeProjectionPercent
        && HysteresisPoints >= 0 && HysteresisPoints < NoticeGapPoints && MinimumDwellDays is >= 0 and <= 366
        && ProjectionWindowDays is > 0 and <= 366 && MinimumProjectionDays is >= 0 and <= 366 && MinimumProjectionClaims >= 0 && CredibilityClaims > 0
        && ProjectionConfidenceZ >= 0;
}
