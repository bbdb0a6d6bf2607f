using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Monitoring.Claims;

namespace Monitoring.Dashboard.Input;

/// <summary>
/// The JSON body of a request as the ingest path reads an event: every string and property name checked for text that
/// cannot be stored (NUL, lone surrogates: 400 naming the field, <see cref="StorableText"/>), and numbers only as JSON
/// numbers — <c>"amount": "100"</c> is refused, not read as 100, as <c>fundPaid</c> is at ingest. One reader for every
/// body of the dashboard's endpoints.
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The body as <typeparamref name="T"/>, or why not, as a sentence a person can act on.</summary>
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (request.HasJsonContentType() is false && request.ContentType is not null)
        {
            return (null, $"the body must be JSON (Content-Type: application/json), not {request.ContentType}");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, $"the body is not JSON: {e.Message}");
        }

        using (document)
        {
            return Read<T>(document.RootElement);
        }
    }

    /// <summary>The same check on a body already parsed.</summary>
    public static (T? Value, string? Error) Read<T>(JsonElement body) where T : class
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "the body must be a JSON object");
        }

        if (StorableText.Problem(body) is { } problem)
        {
            return (null, problem);
        }

        try
        {
            return body.Deserialize<T>(Strict) is { } value ? (value, null) : (null, "the body must be a JSON object");
        }
        catch (JsonException e)
        {
            // The path names the field, e.g. "$.amount" for a quoted number.
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            var kind = field is not null && body.TryGetProperty(field, out var value) ? value.ValueKind : JsonValueKind.Undefined;
            return (null, kind == JsonValueKind.String && (e.Message.Contains("Decimal", StringComparison.Ordinal) || e.Message.Contains("Int", StringComparison.Ordinal))
                ? $"{field} must be a number, not a string ({field}必须是数字)"
                : $"{field ?? "the body"} is not of the type expected ({field ?? "请求体"}类型不正确): {e.Message}");
        }
    }
}
