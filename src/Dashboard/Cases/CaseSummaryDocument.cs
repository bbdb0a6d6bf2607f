using Monitoring.Cases;

namespace Monitoring.Dashboard.Cases;

/// <summary>
/// <c>GET /api/cases/summary</c>: the regulator's picture — cases, amounts at stake and recovered by county and status,
/// and what was recovered in the year (by decision time).
/// </summary>
public sealed record CaseSummaryDocument(int Year, IReadOnlyList<CaseTally> ByCountyAndStatus, int Cases, int Active, decimal AmountAtStake, decimal RecoveredThisYear);
