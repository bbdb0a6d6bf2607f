namespace Monitoring.Silo.Ingest;

/// <summary>A body split into items, or the reason the whole body is refused.</summary>
public sealed record ParsedBatch(IReadOnlyList<ClaimBatchItem> Items, string? Error, int? OverLimitOf = null)
{
    public static ParsedBatch Of(IReadOnlyList<ClaimBatchItem> items) => new(items, null);

    public static ParsedBatch Refused(string error) => new([], error);

    /// <summary>The body has more events than the limit; reading stopped there.</summary>
    public static ParsedBatch OverLimit(int maxEvents) => new([], null, maxEvents);
}
