using System.Text.Json;

namespace Monitoring.Claims;

/// <summary>
/// Whether every string and property name of an event is text the ledger can hold and the fingerprint can read:
/// well-formed UTF-8 without lone surrogates (PostgreSQL refuses them, and .NET cannot turn them into a string) and
/// no U+0000 (PostgreSQL's text and jsonb cannot store it, error 22P05). Checked before any field is read, so that
/// nothing after validation can stumble on such text and take the event's whole batch down with it.
/// </summary>
public static class StorableText
{
    /// <summary>The first problem found, as a sentence naming where it is, or null when all text is storable.</summary>
    public static string? Problem(JsonElement element) => Problem(element, "$");

    private static string? Problem(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    // The name is unescaped on first read; a name that is not text fails here rather than later.
                    if (NameProblem(property) is { } nameProblem)
                    {
                        return $"a property name under {path} {nameProblem}";
                    }

                    if (Problem(property.Value, $"{path}.{property.Name}") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Problem(item, $"{path}[{i++}]") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.String:
                return TextProblem(() => element.GetString()!) is { } textProblem ? $"{path} {textProblem}" : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Why a piece of text read elsewhere (a query parameter, a route value) cannot be stored or compared, or null: the
    /// same words as for an event's field.
    /// </summary>
    public static string? Problem(string text) => TextProblem(() => text);

    private static string? NameProblem(JsonProperty property) => TextProblem(() => property.Name);

    private static string? TextProblem(Func<string> read)
    {
        string text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this, and only this, for bytes that are not UTF-8 and for a \uD800–\uDFFF
            // escape without its partner; both are refused in the same words.
            return "is not valid text: invalid UTF-8 bytes or a lone surrogate escape such as \\ud83d (不是合法的 UTF-8 文本)";
        }

        if (text.Contains('\0'))
        {
            return "contains a NUL character (\\u0000), which cannot be stored (含有无法存储的 NUL 字符)";
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
            {
                return "contains a lone surrogate, which is not valid UTF-8 text (含有孤立的代理字符)";
            }
        }

        return null;
    }
}
