namespace Monitoring.Alerts;

/// <summary>Alerts in process memory, for the embedded mode and tests.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock _gate = new();
    private readonly List<Alert> _alerts = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Alert>> AddAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var added = alerts.Where(a => _ids.Add(a.AlertId)).ToList();
            _alerts.AddRange(added);
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
}
