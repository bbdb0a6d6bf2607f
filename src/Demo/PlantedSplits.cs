namespace Monitoring.Demo;

/// <summary>
/// What the stream meant to plant of split hospitalization (分解住院), as emitted: for tests that check a detector, or
/// an independent truth, against the generator's intent.
/// </summary>
public sealed record PlantedSplits(IReadOnlyList<PlantedSplitPair> Pairs, IReadOnlyList<PlantedLookAlike> LookAlikes);
