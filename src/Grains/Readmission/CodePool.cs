namespace Monitoring.Readmission;

/// <summary>
/// One copy of each short code (hospital id, diagnosis, DRG) a window holds: half a million patients share a few
/// thousand codes, and a copy per stay would be most of a stay's memory. Not thread-safe: it belongs to one window,
/// which belongs to one grain.
/// </summary>
public sealed class CodePool
{
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    public int Count => _codes.Count;

    public string Intern(string code)
    {
        if (_codes.TryGetValue(code, out var held))
        {
            return held;
        }

        _codes.Add(code);
        return code;
    }

    /// <summary>The pooled copy of <paramref name="code"/>, allocating a string only the first time it is seen.</summary>
    public string Intern(ReadOnlySpan<char> code)
    {
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(code, out var held))
        {
            return held;
        }

        var text = code.ToString();
        _codes.Add(text);
        return text;
    }
}
