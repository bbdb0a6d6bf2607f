namespace Monitoring.LowThreshold;

/// <summary>How a settlement was counted, kept so that its reversal (冲销) can take exactly that back out.</summary>
/// <param name="Judged">it counted in the share's denominator (its DRG's median was known)</param>
/// <param name="ShortAndCheap">it counted in the share</param>
/// <param name="Candidate">the stay as the rule judged it; null for a settlement only counted as an admission</param>
public sealed record CountedStay(int Week, DateOnly SettledDay, AdmissionCandidate? Candidate, bool Judged, bool ShortAndCheap);
