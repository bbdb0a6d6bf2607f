namespace Monitoring.Cases;

/// <summary>
/// Cases of one county in one status: how many, the amount at stake, what was recovered in all and in the year asked
/// about (by decision time): the regulator's picture of inspection work.
/// </summary>
public sealed record CaseTally(string CountyId, string Status, int Cases, decimal AmountAtStake, decimal Recovered, decimal RecoveredThisYear);
