namespace Monitoring.Alerts;

/// <summary>Alerts in process memory, for the embedded mode and tests. An alert's sequence is its place in the list, from 1.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock _gate = new();
    private readonly List<Alert> _alerts = [];
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pushedRevision = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Alert>> AddAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var added = new List<Alert>();
            foreach (var alert in alerts)
            {
                if (_indexOf.TryAdd(alert.AlertId, _alerts.Count))
                {
                    var stored = alert with { Sequence = _alerts.Count + 1, Revision = 1 };
                    _alerts.Add(stored);
                    added.Add(stored);
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
            var from = query.Before is { } before ? (int)Math.Min(before - 1, _alerts.Count) - 1 : _alerts.Count - 1;
            for (var i = from; i >= 0 && newestFirst.Count < query.Limit; i--)
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
        return Change(
            alert => alert.Status != AlertStatus.Withdrawn && (ids.Contains(alert.AlertId) || (AlertKinds.RestsOnClaims(alert.Kind) && alert.ClaimIds.Any(claims.Contains))),
            alert => alert with { Status = AlertStatus.Withdrawn, StatusReason = reason });
    }

    public Task<IReadOnlyList<Alert>> ResolveAsync(
        string kind, string subjectLevel, string subjectId, DateTimeOffset through, string reason, CancellationToken cancellationToken = default,
        string? idPrefix = null) =>
        Change(
            alert => alert.Kind == kind && alert.SubjectLevel == subjectLevel && alert.SubjectId == subjectId && alert.AsOf <= through
                && (idPrefix is null || alert.AlertId.StartsWith(idPrefix, StringComparison.Ordinal))
                && alert.Status is AlertStatus.Open or AlertStatus.Acknowledged,
            alert => alert with { Status = AlertStatus.Resolved, StatusReason = reason });

    public Task<IReadOnlyList<Alert>> ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason, CancellationToken cancellationToken = default)
    {
        var ids = alertIds.ToHashSet(StringComparer.Ordinal);
        return Change(
            alert => ids.Contains(alert.AlertId) && alert.Status != AlertStatus.Withdrawn
                && !(alert.Status == AlertStatus.Resolved && alert.StatusReason == reason),
            alert => alert with { Status = AlertStatus.Resolved, StatusReason = reason });
    }

    public Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_indexOf.TryGetValue(alertId, out var index) ? _alerts[index] : null);
        }
    }

    public Task<AcknowledgeOutcome> AcknowledgeAsync(string alertId, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_indexOf.TryGetValue(alertId, out var index))
            {
                return Task.FromResult(new AcknowledgeOutcome(null, false));
            }

            var alert = _alerts[index];
            if (alert.Acknowledged is not null)
            {
                return Task.FromResult(new AcknowledgeOutcome(alert, false));
            }

            _alerts[index] = alert with
            {
                Acknowledged = acknowledgement,
                Status = alert.Status == AlertStatus.Open ? AlertStatus.Acknowledged : alert.Status,
                Revision = alert.Revision + 1,
            };
            return Task.FromResult(new AcknowledgeOutcome(_alerts[index], true));
        }
    }

    private Task<IReadOnlyList<Alert>> Change(Func<Alert, bool> applies, Func<Alert, Alert> change)
    {
        lock (_gate)
        {
            var changed = new List<Alert>();
            for (var i = 0; i < _alerts.Count; i++)
            {
                if (applies(_alerts[i]))
                {
                    _alerts[i] = change(_alerts[i]) with { Revision = _alerts[i].Revision + 1 };
                    changed.Add(_alerts[i]);
                }
            }

            return Task.FromResult<IReadOnlyList<Alert>>(changed);
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

            if (_alerts[i].CaseId is null)
            {
                _alerts[i] = _alerts[i] with { CaseId = caseId, Revision = _alerts[i].Revision + 1 };
            }

            return Task.FromResult<Alert?>(_alerts[i]);
        }
    }

    public Task<IReadOnlyList<UndeliveredAlert>> UndeliveredAsync(IReadOnlyCollection<string> caseKinds, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UndeliveredAlert>>([.. _alerts
                .Select(a => new UndeliveredAlert(a, a.Revision <= _pushedRevision.GetValueOrDefault(a.AlertId)))
                .Where(u => !u.Pushed || AwaitsCase(u.Alert, caseKinds))
                .Take(limit)]);
        }
    }

    public Task MarkPushedAsync(IReadOnlyCollection<Alert> pushed, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var alert in pushed)
            {
                _pushedRevision[alert.AlertId] = Math.Max(_pushedRevision.GetValueOrDefault(alert.AlertId), alert.Revision);
            }

            return Task.CompletedTask;
        }
    }

    private static bool AwaitsCase(Alert alert, IReadOnlyCollection<string> caseKinds) =>
        alert.CaseId is null && caseKinds.Contains(alert.Kind) && alert.HospitalId is not null && alert.ClaimIds.Length > 0
        && alert.Status is AlertStatus.Open or AlertStatus.Acknowledged;
}
