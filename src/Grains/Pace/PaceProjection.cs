namespace Monitoring.Pace;

/// <summary>
/// Where an account's spending takes it by the year end, and how far that can be trusted.
/// <para>
/// Why this shape: a projection from the last 28 days alone cried wolf on small funds — a township health centre
/// (乡镇卫生院) settles a few dozen claims a month, so one dear stay moves its 28-day rate by 10–20% and the year end
/// by as much. Two well-worn actuarial tools fix that without hiding a real change of pace:
/// </para>
/// <list type="number">
/// <item><b>Credibility blend.</b> The projected rate is Z × the recent rate + (1 − Z) × the year-to-date rate, both read
/// against the county's monthly profile (a recent window in flu season is expected to spend more). Z is Bühlmann's
/// n ÷ (n + k), n the settlements a window holds at the year's rate and k <see cref="PaceThresholds.CredibilityClaims"/>: a county fund's
/// window is almost fully credible, so a step-up shows at once; a small centre's leans on its year.</item>
/// <item><b>Confidence bound.</b> Only the lower bound (projection − z × its standard error, the error read from the
/// day-to-day spread of the spend itself) may raise a level, and only once <see cref="PaceThresholds.MinimumProjectionDays"/>
/// of the year have passed (before that the recent window and the year so far are the same few weeks, and a hot
/// January would vouch for itself) and the account
/// settles at least <see cref="PaceThresholds.MinimumProjectionClaims"/> claims in a window. The bound asks "is it
/// likely to overrun", not "could it"; it is set at 2.33 standard errors (one-sided 99%) rather than 1.645 because the
/// question is asked again every settlement day, and a 5% chance a day is a near-certain false alarm a year.</item>
/// </list>
/// </summary>
public static class PaceProjection
{
    /// <param name="spent">fund paid in the year so far</param>
    /// <param name="timeShare">the share of the year's spending the profile expects by now</param>
    /// <param name="windowShare">the share the profile expects within the recent window</param>
    /// <param name="window">what the recent window settled</param>
    /// <param name="year">what the year so far settled</param>
    /// <param name="daysElapsed">settlement days of the year that have passed</param>
    public static ProjectionEstimate Estimate(
        decimal spent, decimal timeShare, decimal windowShare, SpendWindow window, SpendWindow year, int daysElapsed, PaceThresholds thresholds)
    {
        var remaining = 1 - timeShare;
        // The volume behind the window is what the year so far says a window like it holds, not what this one happened
        // to hold: counted from the window itself, a burst of claims would buy its own credibility and pass its own minimum.
        var volume = timeShare > 0 ? decimal.Round(year.Claims * Math.Min(1, windowShare / timeShare), 0) : 0;
        var credible = daysElapsed >= Math.Max(thresholds.ProjectionWindowDays, thresholds.MinimumProjectionDays)
            && volume >= thresholds.MinimumProjectionClaims;
        if (remaining <= 0 || timeShare <= 0)
        {
            // The year is over (nothing left to project) or has not begun (nothing to project from).
            return new ProjectionEstimate(spent, spent, 1, (long)volume, credible && remaining <= 0);
        }

        var yearToDate = spent / timeShare;
        var recent = windowShare > 0 ? spent + (window.Sum * remaining / windowShare) : yearToDate;
        var z = volume / (volume + thresholds.CredibilityClaims);
        var projected = (z * recent) + ((1 - z) * yearToDate);

        var recentError = windowShare > 0 ? window.StandardErrorOfSum() * (double)(remaining / windowShare) : 0;
        var yearError = year.StandardErrorOfSum() * (double)(remaining / timeShare);
        var error = Math.Sqrt(Math.Pow((double)z * recentError, 2) + Math.Pow((double)(1 - z) * yearError, 2));
        var low = projected - ((decimal)error * thresholds.ProjectionConfidenceZ);
        return new ProjectionEstimate(projected, Math.Max(spent, low), z, (long)volume, credible);
    }
}

/// <summary>
/// A year-end projection in yuan, its lower confidence bound, the recent window's credibility weight, and the volume
/// (settlements) a window of its length is expected to hold at the year's rate.
/// </summary>
public readonly record struct ProjectionEstimate(decimal Projected, decimal Low, decimal Credibility, long WindowClaims, bool Credible);
