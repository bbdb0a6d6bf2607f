namespace Monitoring.Demo;

/// <summary>One planted pattern: a split-hospitalization episode of its shape, or a legitimate look-alike of one.</summary>
/// <param name="LookAlike">null for a split episode</param>
internal sealed record PlantedEpisode(int Id, PlantedSplitShape Shape, LookAlikeKind? LookAlike);
