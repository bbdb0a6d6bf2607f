namespace Monitoring.DrillDown;

/// <summary>
/// The standing settlements (reversed ones left out) of one hospital, one group and one budget month, summed: the unit
/// both query engines return and <see cref="DrillDownAggregation"/> builds every comparison from.
/// </summary>
public sealed record DrillDownCell(string HospitalId, string Key, int Month, long Cases, decimal TotalCost, decimal FundPaid);
