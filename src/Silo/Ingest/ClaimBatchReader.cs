using System.Text;
using System.Text.Json;

namespace Monitoring.Silo.Ingest;

/// <summary>
/// Splits a posted body into events. A body that is not JSON at all is refused whole (nothing is taken);
/// in NDJSON a single bad line is refused alone, so one garbled record does not hold back its neighbours.
/// </summary>
public static class ClaimBatchReader
{
    public static ParsedBatch ReadJsonArray(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            var root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("there is more after the top-level value");
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return ParsedBatch.Refused($"the body must be a JSON array of claim events (or NDJSON with Content-Type application/x-ndjson), not a JSON {root.ValueKind.ToString().ToLowerInvariant()} (请求体应为结算事件数组)");
            }

            return ParsedBatch.Of([.. root.EnumerateArray().Select((e, i) => ClaimBatchItem.Parsed(i, e))]);
        }
        catch (JsonException e)
        {
            return ParsedBatch.Refused($"the body is not JSON: {e.Message} (请求体不是合法的 JSON)");
        }
    }

    public static ParsedBatch ReadNdjson(ReadOnlySpan<byte> body)
    {
        var items = new List<ClaimBatchItem>();
        var parsedAny = false;
        var lineNumber = 0;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            lineNumber++;
            line = line.TrimEnd((byte)'\r').Trim((byte)' ');
            if (line.IsEmpty)
            {
                continue;
            }

            try
            {
                var reader = new Utf8JsonReader(line);
                var element = JsonElement.ParseValue(ref reader);
                if (reader.Read())
                {
                    throw new JsonException("more than one JSON value on the line");
                }

                items.Add(ClaimBatchItem.Parsed(items.Count, element));
                parsedAny = true;
            }
            catch (JsonException e)
            {
                var preview = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 40)]);
                items.Add(ClaimBatchItem.Unparsable(items.Count, $"line {lineNumber} is not JSON ({e.Message}): {preview} (第 {lineNumber} 行不是合法的 JSON)"));
            }
        }

        return parsedAny
            ? ParsedBatch.Of(items)
            : ParsedBatch.Refused(items.Count == 0
                ? "the body is empty (请求体为空)"
                : "no line of the NDJSON body is JSON (请求体没有任何一行是合法的 JSON)");
    }
}

/// <summary>A body split into items, or the reason the whole body is refused.</summary>
public sealed record ParsedBatch(IReadOnlyList<ClaimBatchItem> Items, string? Error)
{
    public static ParsedBatch Of(IReadOnlyList<ClaimBatchItem> items) => new(items, null);

    public static ParsedBatch Refused(string error) => new([], error);
}
