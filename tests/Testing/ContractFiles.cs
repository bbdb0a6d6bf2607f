namespace Monitoring.Testing;

/// <summary>
/// The shared integration contract (<c>../shared/contracts</c> beside the repository), so tests judge the system
/// by the same documents outside feeds use.
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
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "contracts"));
        return System.IO.Directory.Exists(candidate)
            ? candidate
            : throw new InvalidOperationException($"the contract folder {candidate} is missing: clone the repository beside shared/");
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
