using Monitoring.Access;

namespace Monitoring.Cases;

/// <summary>Cases in process memory, for the embedded mode and tests: the same rules as the PostgreSQL store.</summary>
public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InspectionCase> _cases = new(StringComparer.Ordinal);

    public Task<(InspectionCase Case, bool Added)> AddAsync(InspectionCase c, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_cases.TryGetValue(c.CaseId, out var existing))
            {
                return Task.FromResult((existing, false));
            }

            var stored = c with { Version = 1 };
            _cases[c.CaseId] = stored;
            return Task.FromResult((stored, true));
        }
    }

    public Task<InspectionCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_cases.GetValueOrDefault(caseId));
        }
    }

    public Task<bool> SaveAsync(InspectionCase c, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_cases.TryGetValue(c.CaseId, out var stored) || stored.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            // Append-only: the stored lines must be the first lines of the new history, unchanged.
            if (c.History.Length < stored.History.Length || !stored.History.SequenceEqual(c.History.Take(stored.History.Length)))
            {
                throw new InvalidOperationException($"case {c.CaseId}: a save may only add history lines, never change or drop one");
            }

            _cases[c.CaseId] = c with { Version = expectedVersion + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<InspectionCase>> QueryAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<InspectionCase>>(
                [.. query.Order(_cases.Values.Where(query.Matches)).Take(query.Limit).Select(c => c with { History = [] })]);
        }
    }

    public Task<IReadOnlyList<InspectionCase>> UndecidedRestingOnAsync(
        IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken = default)
    {
        var alerts = alertIds.ToHashSet(StringComparer.Ordinal);
        var claims = claimIds.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<InspectionCase>>([.. _cases.Values.Where(c =>
                CaseStatus.IsUndecided(c.Status) && (c.AlertIds.Any(alerts.Contains) || c.ClaimIds.Any(claims.Contains)))]);
        }
    }

    public Task<IReadOnlyList<InspectionCase>> WithBookingsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<InspectionCase>>([.. _cases.Values.Where(c => c.Bookings.Length > 0)]);
        }
    }

    public Task<IReadOnlyList<CaseTally>> TallyAsync(AccessScope scope, DateTimeOffset yearStart, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<CaseTally>>([.. _cases.Values
                .Where(c => CaseAccess.CanSee(scope, c) && c.OpenedAt >= yearStart && c.OpenedAt < yearStart.AddYears(1))
                .GroupBy(c => (c.CountyId, c.Status))
                .OrderBy(g => g.Key.CountyId, StringComparer.Ordinal).ThenBy(g => g.Key.Status, StringComparer.Ordinal)
                .Select(g => new CaseTally(g.Key.CountyId, g.Key.Status, g.Count(), g.Sum(c => c.AmountAtStake), g.Sum(c => c.Recovered),
                    g.Where(c => c.Decision is { } d && d.At >= yearStart && d.At < yearStart.AddYears(1)).Sum(c => c.Recovered)))]);
        }
    }
}
