namespace Monitoring.Demo;

/// <summary>A suspicious pair of stays as <see cref="SplitPairTruth"/> finds it.</summary>
/// <param name="IntervalDays">the second stay's admission date minus the first stay's discharge date, 0 to 15</param>
/// <param name="Severity">critical for 0–2 days, warning for 3–7, notice for 8–15</param>
public sealed record TruthPair(string FirstClaimId, string SecondClaimId, int IntervalDays, string Severity);
