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
    /// one of <paramref name="claimIds"/>; returns them as they now read. Withdrawing twice changes nothing.
    /// </summary>
    Task<IReadOnlyList<Alert>> WithdrawAsync(
        IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>One alert as it now reads, or null.</summary>
    Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>Points the alert to its inspection case, unless it already points to one; returns the alert as it now reads.</summary>
    Task<Alert?> SetCaseAsync(string alertId, string caseId, CancellationToken cancellationToken = default);
}
