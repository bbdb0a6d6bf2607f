namespace Monitoring.Alerts;

/// <summary>Stored alerts: each id kept once, so re-raising the same finding after a replay adds nothing.</summary>
public interface IAlertStore
{
    /// <summary>Stores the alerts not yet stored and returns those, in the order given.</summary>
    Task<IReadOnlyList<Alert>> AddAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);

    /// <summary>Alerts matching the query, newest first.</summary>
    Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default);
}
