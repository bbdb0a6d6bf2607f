namespace Monitoring.Alerts;

/// <summary>Stored alerts: each id kept once, so re-raising the same finding after a replay adds nothing.</summary>
public interface IAlertStore
{
    /// <summary>Stores the alerts not yet stored and returns those, in the order given.</summary>
    Task<IReadOnlyList<Alert>> AddAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);

    /// <summary>Alerts matching the query, newest first, each with its current status.</summary>
    Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Withdraws the alerts that are not yet withdrawn and either have one of <paramref name="alertIds"/> or rest on
    /// one of <paramref name="claimIds"/> (only kinds in <see cref="AlertKinds.RestingOnClaims"/> rest on their claims);
    /// returns them as they now read. Withdrawing twice changes nothing.
    /// </summary>
    Task<IReadOnlyList<Alert>> WithdrawAsync(
        IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves the open or acknowledged alerts of <paramref name="kind"/> about one subject whose finding is as of
    /// <paramref name="through"/> or earlier (the episode a cleared level ends); returns them as they now read.
    /// </summary>
    /// <remarks>With <paramref name="idPrefix"/>, only the alerts whose id starts with it (<see cref="AlertEpisode"/>).</remarks>
    Task<IReadOnlyList<Alert>> ResolveAsync(
        string kind, string subjectLevel, string subjectId, DateTimeOffset through, string reason, CancellationToken cancellationToken = default,
        string? idPrefix = null);

    /// <summary>
    /// Resolves the alerts with these ids that are not withdrawn (their case was decided): each becomes resolved with
    /// <paramref name="reason"/>, also when already resolved, so the latest decision is what it says; returns those changed.
    /// </summary>
    Task<IReadOnlyList<Alert>> ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>The alert with this id as it now reads, or null.</summary>
    Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records who acknowledged the alert; an open alert becomes acknowledged, a resolved or withdrawn one keeps its
    /// status. A second acknowledgement changes nothing.
    /// </summary>
    Task<AcknowledgeOutcome> AcknowledgeAsync(string alertId, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default);

    /// <summary>Points the alert to its inspection case, unless it already points to one; returns the alert as it now reads.</summary>
    Task<Alert?> SetCaseAsync(string alertId, string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stored alerts not yet delivered, oldest first: changed since they were last pushed (<see cref="Alert.Revision"/>),
    /// or of one of <paramref name="caseKinds"/> and still waiting for the case they open by themselves
    /// (see <c>CaseOpening.OpensByItself</c>: about a hospital, resting on claims, open or acknowledged, no case yet).
    /// </summary>
    Task<IReadOnlyList<UndeliveredAlert>> UndeliveredAsync(IReadOnlyCollection<string> caseKinds, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records that these alerts were pushed as of their <see cref="Alert.Revision"/>; an older mark never replaces a newer.</summary>
    Task MarkPushedAsync(IReadOnlyCollection<Alert> pushed, CancellationToken cancellationToken = default);
}
