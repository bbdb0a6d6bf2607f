using System.Text.Json;

namespace Monitoring.Silo.Ingest;

/// <summary>One item of a posted batch: the parsed event, or why it could not be parsed (an NDJSON line that is not JSON).</summary>
public readonly record struct ClaimBatchItem(int Index, JsonElement Event, string? ParseError)
{
    public static ClaimBatchItem Parsed(int index, JsonElement element) => new(index, element, null);

    public static ClaimBatchItem Unparsable(int index, string error) => new(index, default, error);
}
