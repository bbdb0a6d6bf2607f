namespace Monitoring.Ledger;

/// <summary>A range of one hospital's ledger rows by sequence: after <see cref="AfterSeq"/>, up to and including <see cref="ThroughSeq"/>.</summary>
public sealed record HospitalCursor(string HospitalId, long AfterSeq, long ThroughSeq = long.MaxValue);
