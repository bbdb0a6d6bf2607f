namespace Monitoring.Rules;

/// <summary>Where the rule library's history is kept: appended to, never changed (in memory embedded, PostgreSQL in production).</summary>
public interface IRuleStore
{
    Task<RuleEvent[]> LoadAsync(CancellationToken cancellationToken = default);

    Task AppendAsync(IReadOnlyList<RuleEvent> events, CancellationToken cancellationToken = default);
}

/// <summary>The embedded mode's history: lost with the process, like everything else there.</summary>
public sealed class InMemoryRuleStore : IRuleStore
{
    private readonly List<RuleEvent> _events = [];
    private readonly Lock _gate = new();

    public Task<RuleEvent[]> LoadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_events.ToArray());
        }
    }

    public Task AppendAsync(IReadOnlyList<RuleEvent> events, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _events.AddRange(events);
        }

        return Task.CompletedTask;
    }
}
