namespace Monitoring.Readmission;

/// <summary>The median readmission rate of a hospital's peers and how many peers it rests on.</summary>
public sealed record PeerComparison(double Median, int Peers);
