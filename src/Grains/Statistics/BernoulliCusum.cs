namespace Monitoring.Statistics;

/// <summary>
/// Page's one-sided CUSUM for a rise in a share, fed period by period with grouped counts (cases and how many of
/// them fell in the share). Each period adds the log-likelihood ratio of "the share has shifted to
/// <c>shifted</c>" against "it is still <c>baseline</c>"; the sum is floored at zero, so evidence for "no change"
/// cannot be banked against a later change. The statistic crossing a threshold <c>h</c> is the alarm.
/// </summary>
/// <remarks>
/// Why CUSUM: it is the test that finds a persistent shift of a given size soonest for a given false-alarm rate
/// (Lorden/Moustakides), it needs only the running sum per hospital, and the last time it stood at zero is the
/// maximum-likelihood estimate of when the change began — the onset an inspector asks for. With per-period
/// counts the false-alarm rate depends on the threshold, not on volume: a small hospital's few cases add small
/// log-likelihood ratios and take longer to cross, they do not cross more often. A threshold of about 5 (log
/// odds of e^5 ≈ 150:1) keeps the in-control run length well beyond a year of weekly periods for the shifts
/// the detectors look for.
/// </remarks>
public static class BernoulliCusum
{
    /// <summary>
    /// log P(events | shifted) − log P(events | baseline) for <paramref name="events"/> of <paramref name="trials"/>;
    /// the binomial coefficient cancels.
    /// </summary>
    public static double LogLikelihoodRatio(long trials, long events, double baseline, double shifted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, events);
        var p0 = Probability.Clamp(baseline);
        var p1 = Probability.Clamp(shifted);
        return (events * Math.Log(p1 / p0)) + ((trials - events) * Math.Log((1 - p1) / (1 - p0)));
    }

    public static double Step(double statistic, long trials, long events, double baseline, double shifted) =>
        Math.Max(0, statistic + LogLikelihoodRatio(trials, events, baseline, shifted));
}
