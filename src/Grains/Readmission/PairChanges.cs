namespace Monitoring.Readmission;

/// <summary>What one change to a window did to its suspect pairs: those it made and those it undid.</summary>
public sealed record PairChanges(IReadOnlyList<SuspiciousPair> Raised, IReadOnlyList<SuspiciousPair> Withdrawn)
{
    public static PairChanges None { get; } = new([], []);

    public bool IsEmpty => Raised.Count == 0 && Withdrawn.Count == 0;
}
