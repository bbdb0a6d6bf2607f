namespace Monitoring.Demo;

/// <summary>A look-alike the stream planted: the claims of one patient that must not form a split pair.</summary>
public sealed record PlantedLookAlike(LookAlikeKind Kind, IReadOnlyList<string> ClaimIds);
