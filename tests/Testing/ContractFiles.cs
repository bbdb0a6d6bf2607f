namespace Monitoring.Testing;

/// <summary>
/// The project's own copy of the integration contract (<c>docs/</c>: schemas and examples), so tests judge the system
/// by the same documents outside feeds are given, and a clone of the repository carries everything its tests need.
/// </summary>
public static class ContractFiles
{
    // Declared first: static initializers run in order, and Directory needs it.
    public static string RepositoryRoot { get; } = FindUp("Monitoring.sln")
        ?? throw new InvalidOperationException($"no Monitoring.sln above {AppContext.BaseDirectory}");

    public static string Directory { get; } = Locate();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    private static string Locate()
    {
        var candidate = Path.Combine(RepositoryRoot, "docs");
        return System.IO.Directory.Exists(Path.Combine(candidate, "examples"))
            ? candidate
            : throw new InvalidOperationException($"the documentation folder {candidate} lacks its examples/");
    }

    private static string? FindUp(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
