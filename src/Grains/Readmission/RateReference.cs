namespace Monitoring.Readmission;

/// <summary>
/// The rate a hospital's discharges are expected to readmit at: its peers' pooled rate over the rate window (their
/// pairs over their discharges), with how many peers and discharges it rests on, and whether they are of its level.
/// </summary>
public sealed record RateReference(double Rate, int Peers, int Discharges, int Pairs, bool SameLevel);
