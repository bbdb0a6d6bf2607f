using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Monitoring.Silo.Ingest;

/// <summary>
/// Reads a posted body event by event as it arrives, instead of buffering it whole: a JSON array through the
/// serializer's streaming enumeration, NDJSON line by line off the request pipe. Memory per request is then the
/// events kept (at most the event limit, each bounded by validation) rather than the body twice over, and a batch
/// over the event limit is refused as soon as the limit is passed. A body that is not JSON at all is refused whole,
/// as before; in NDJSON a single bad line is refused alone.
/// </summary>
public static class ClaimBodyStream
{
    public static async Task<ParsedBatch> ReadJsonArrayAsync(PipeReader body, int maxEvents, CancellationToken cancellationToken)
    {
        if (await FirstByteAsync(body, cancellationToken) is var first && first != (byte)'[')
        {
            return ParsedBatch.Refused(first switch
            {
                null => "the body is empty (请求体为空)",
                (byte)'{' => "the body must be a JSON array of claim events (or NDJSON with Content-Type application/x-ndjson), not a JSON object (请求体应为结算事件数组)",
                _ => $"the body is not JSON: it starts with '{(char)first}' where a JSON array was expected (请求体不是合法的 JSON)",
            });
        }

        var items = new List<ClaimBatchItem>();
        var array = new ArrayProgress();
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(cancellationToken);
                var consumed = TakeElements(read.Buffer, read.IsCompleted, array, items, maxEvents);
                body.AdvanceTo(consumed, read.Buffer.End);
                if (items.Count > maxEvents)
                {
                    return ParsedBatch.OverLimit(maxEvents);
                }

                if (read.IsCompleted)
                {
                    return array.Ended
                        ? ParsedBatch.Of(items)
                        : ParsedBatch.Refused("the body is not JSON: the array is not closed with ']' (请求体不是合法的 JSON)");
                }
            }
        }
        catch (JsonException e)
        {
            return ParsedBatch.Refused($"the body is not JSON: {e.Message} (请求体不是合法的 JSON)");
        }
    }

    /// <summary>Where the reading of the top-level array stands between two reads of the pipe.</summary>
    private sealed class ArrayProgress
    {
        public JsonReaderState State { get; set; }

        public bool Started { get; set; }

        public bool Ended { get; set; }
    }

    /// <summary>
    /// Takes every whole element in what has arrived (stopping one past the limit) and returns how far it consumed;
    /// an element cut off by the end of the buffer waits for more bytes.
    /// </summary>
    private static SequencePosition TakeElements(ReadOnlySequence<byte> buffer, bool final, ArrayProgress array, List<ClaimBatchItem> items, int maxEvents)
    {
        var reader = new Utf8JsonReader(buffer, final, array.State);
        while (items.Count <= maxEvents)
        {
            var checkpoint = reader;
            if (!array.Started)
            {
                if (!reader.Read())
                {
                    break;
                }

                array.Started = true; // the first byte was seen to be '['
                continue;
            }

            if (array.Ended)
            {
                if (reader.Read())
                {
                    throw new JsonException("there is more after the array");
                }

                break;
            }

            if (!reader.Read())
            {
                reader = checkpoint;
                break;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                array.Ended = true;
                continue;
            }

            // On the element's first token: the parse takes the value that starts here.
            if (!JsonElement.TryParseValue(ref reader, out var element))
            {
                reader = checkpoint;
                break;
            }

            items.Add(ClaimBatchItem.Parsed(items.Count, element!.Value));
        }

        array.State = reader.CurrentState;
        return buffer.GetPosition(reader.BytesConsumed);
    }

    public static async Task<ParsedBatch> ReadNdjsonAsync(PipeReader body, int maxEvents, CancellationToken cancellationToken)
    {
        var items = new List<ClaimBatchItem>();
        var parsedAny = false;
        var lineNumber = 0;
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            while (TryTakeLine(ref buffer, out var line) || (read.IsCompleted && TakeRest(ref buffer, out line)))
            {
                lineNumber++;
                if (ParseLine(line, lineNumber, items.Count) is not { } item)
                {
                    continue; // a blank line
                }

                if (items.Count == maxEvents)
                {
                    return ParsedBatch.OverLimit(maxEvents);
                }

                parsedAny |= item.ParseError is null;
                items.Add(item);
            }

            body.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        return parsedAny
            ? ParsedBatch.Of(items)
            : ParsedBatch.Refused(items.Count == 0
                ? "the body is empty (请求体为空)"
                : "no line of the NDJSON body is JSON (请求体没有任何一行是合法的 JSON)");
    }

    private static async Task<byte?> FirstByteAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            foreach (var segment in buffer)
            {
                foreach (var b in segment.Span)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
                    {
                        body.AdvanceTo(buffer.Start, buffer.Start); // nothing consumed: the serializer reads from the start
                        return b;
                    }

                }
            }

            // Only whitespace so far: keep it (unconsumed) and wait for more.
            body.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                return null;
            }
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is not { } end)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end);
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return true;
    }

    private static bool TakeRest(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = buffer;
        buffer = buffer.Slice(buffer.End);
        return !line.IsEmpty;
    }

    private static ClaimBatchItem? ParseLine(ReadOnlySequence<byte> sequence, int lineNumber, int index)
    {
        ReadOnlySpan<byte> line = sequence.IsSingleSegment ? sequence.FirstSpan : sequence.ToArray();
        line = line.TrimEnd((byte)'\r').Trim((byte)' ');
        if (line.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(line);
            var element = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("more than one JSON value on the line");
            }

            return ClaimBatchItem.Parsed(index, element);
        }
        catch (JsonException e)
        {
            var preview = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 40)]);
            return ClaimBatchItem.Unparsable(index, $"line {lineNumber} is not JSON ({e.Message}): {preview} (第 {lineNumber} 行不是合法的 JSON)");
        }
    }
}
