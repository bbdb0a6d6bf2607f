namespace Monitoring.Benchmarks;

/// <summary>Reads <c>--name value</c> integer options with defaults.</summary>
public static class BenchmarkArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
    }
}
