namespace Monitoring.Statistics;

/// <summary>
/// One group of like cases (an ADRG, a DRG) in an observed-against-expected comparison: how many cases a hospital
/// had, how many of them fell in the share, and the share a reference (its peers, its own past) would predict.
/// </summary>
public readonly record struct Stratum(long Trials, long Events, double ReferenceRate);
