namespace Monitoring.Alerts;

/// <summary>
/// The alerts of one level's episode share their id up to the day and transition (<c>{kind}/…/{subject}/{day}/{transition}</c>):
/// what a cleared level resolves. By id, not by kind alone: a readmission-rate alert clearing must not resolve the
/// split-pair alerts of the same kind about the same hospital, which stand on their own claims.
/// </summary>
public static class AlertEpisode
{
    /// <summary>The id up to and including the slash before the day: <c>split-hospitalization/rate/H1/</c>.</summary>
    public static string IdPrefixOf(string alertId)
    {
        var transition = alertId.LastIndexOf('/');
        var day = transition > 0 ? alertId.LastIndexOf('/', transition - 1) : -1;
        return day > 0 ? alertId[..(day + 1)] : alertId;
    }
}
