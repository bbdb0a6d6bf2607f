namespace Monitoring.Testing;

/// <summary>The ingest reply as a client reads it.</summary>
public sealed record IngestReplyView(int Accepted, int Duplicates, IReadOnlyList<RejectedView> Rejected);

public sealed record RejectedView(int Index, string? ClaimId, IReadOnlyList<string> Errors);
