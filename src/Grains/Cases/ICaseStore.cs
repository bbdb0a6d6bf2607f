using Monitoring.Access;

namespace Monitoring.Cases;

/// <summary>
/// Stored cases with their history. A save succeeds only from the version it was read at (optimistic concurrency), so
/// of two people acting on one case at once one wins and the other is told; history lines are only ever added.
/// </summary>
public interface ICaseStore
{
    /// <summary>Stores a new case unless one with its id exists; returns the case as stored and whether it is new.</summary>
    Task<(InspectionCase Case, bool Added)> AddAsync(InspectionCase c, CancellationToken cancellationToken = default);

    /// <summary>One case with its whole history, or null.</summary>
    Task<InspectionCase?> GetAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="c"/> (whose history extends the stored one's) if the stored case is still at
    /// <paramref name="expectedVersion"/>; the stored version becomes <c>expectedVersion + 1</c>. False when someone else
    /// changed it first.
    /// </summary>
    Task<bool> SaveAsync(InspectionCase c, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>A page of cases in the query's order, without their history.</summary>
    Task<IReadOnlyList<InspectionCase>> QueryAsync(CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>The undecided cases resting on any of these alerts or claims, each with its whole history (callers save them).</summary>
    Task<IReadOnlyList<InspectionCase>> UndecidedRestingOnAsync(
        IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken = default);

    /// <summary>Every case that has booked money, for the start-up check that each booking is in the ledger.</summary>
    Task<IReadOnlyList<InspectionCase>> WithBookingsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts and amounts by county and status within the scope, of the cases opened in the fund year that starts at
    /// <paramref name="yearStart"/> (settlement time); recovered this year counts their decisions of that year.
    /// </summary>
    Task<IReadOnlyList<CaseTally>> TallyAsync(AccessScope scope, DateTimeOffset yearStart, CancellationToken cancellationToken = default);
}
