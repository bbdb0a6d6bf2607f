namespace Monitoring.Alerts;

/// <summary>Alerts in process memory, for the embedded mode and tests.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock _gate = new();
    private readonly List<Alert> _alerts = [];
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Alert>> AddAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var added = new List<Alert>();
            foreach (var alert in alerts)
            {
                if (_indexOf.TryAdd(alert.AlertId, _alerts.Count))
                {
                    _alerts.Add(alert);
                    added.Add(alert);
                }
            }

            return Task.FromResult<IReadOnlyList<Alert>>(added);
        }
    }

    public Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var newestFirst = new List<Alert>(Math.Min(query.Limit, _alerts.Count));
            for (var i = _alerts.Count - 1; i >= 0 && newestFirst.Count < query.Limit; i--)
            {
                if (query.Matches(_alerts[i]))
                {
                    newestFirst.Add(_alerts[i]);
                }
            }

            return Task.FromResult<IReadOnlyList<Alert>>(newestFirst);
        }
    }

    public Task<IReadOnlyList<Alert>> WithdrawAsync(
        IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason, CancellationToken cancellationToken = default)
    {
        var ids = alertIds.ToHashSet(StringComparer.Ordinal);
        var claims = claimIds.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            var changed = new List<Alert>();
            for (var i = 0; i < _alerts.Count; i++)
            {
                var alert = _alerts[i];
                if (alert.Status != AlertStatus.Withdrawn && (ids.Contains(alert.AlertId) || alert.ClaimIds.Any(claims.Contains)))
                {
                    _alerts[i] = alert with { Status = AlertStatus.Withdrawn, StatusReason = reason };
                    changed.Add(_alerts[i]);
                }
            }

            return Task.FromResult<IReadOnlyList<Alert>>(changed);
        }
    }

    public Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_indexOf.TryGetValue(alertId, out var i) ? _alerts[i] : null);
        }
    }

    public Task<Alert?> SetCaseAsync(string alertId, string caseId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_indexOf.TryGetValue(alertId, out var i))
            {
                return Task.FromResult<Alert?>(null);
            }

            _alerts[i] = _alerts[i] with { CaseId = _alerts[i].CaseId ?? caseId };
            return Task.FromResult<Alert?>(_alerts[i]);
        }
    }
}
