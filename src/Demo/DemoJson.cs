using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitoring.Demo;

/// <summary>
/// How the demo writes JSON: Chinese names and departments as characters, not <c>\uXXXX</c> escapes, so that the
/// files, the posted batches and the ledger's raw text read like what a settlement system sends.
/// </summary>
public static class DemoJson
{
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };
}
