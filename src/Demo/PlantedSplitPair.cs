namespace Monitoring.Demo;

/// <summary>A split pair the stream planted, with the claim ids it was emitted under.</summary>
/// <param name="IntervalDays">the second stay's admission date minus the first stay's discharge date</param>
public sealed record PlantedSplitPair(string FirstClaimId, string SecondClaimId, int IntervalDays, PlantedSplitShape Shape)
{
    /// <summary>Whether the pair still stands at the year end: no claim of it is reversed.</summary>
    public bool Stands => !Shape.HasFlag(PlantedSplitShape.Reversed);
}
