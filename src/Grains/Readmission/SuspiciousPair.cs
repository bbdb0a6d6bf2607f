using Monitoring.Alerts;

namespace Monitoring.Readmission;

/// <summary>
/// Two consecutive stays of one patient at one place that the rule finds suspect. <see cref="PatientId"/> is the
/// pseudonym of the claim feed; it goes into evidence only, never into a message a hospital reads.
/// </summary>
public sealed record SuspiciousPair(string PatientId, Stay First, Stay Second, SplitFinding Finding)
{
    public int IntervalDays => Finding.IntervalDays;

    public AlertSeverity Severity => Finding.Severity;

    /// <summary>What the pair is about, whatever it was judged against: the two claims, in order.</summary>
    public string PairKey => $"{First.ClaimId}>{Second.ClaimId}";

    /// <summary>When the pair became known: the later of the two settlements.</summary>
    public DateTimeOffset KnownAt => First.SettledAt >= Second.SettledAt ? First.SettledAt : Second.SettledAt;
}
