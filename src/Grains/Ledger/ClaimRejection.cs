namespace Monitoring.Ledger;

/// <summary>An event refused, with its place in the batch and the reasons, as the ingest reply lists it.</summary>
public sealed record ClaimRejection(int Index, string? ClaimId, IReadOnlyList<string> Errors);
