using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Monitoring.Dashboard.Page;

/// <summary>
/// The dashboard page's files, read once from this assembly's embedded resources (named <c>dashboard/…</c> by the
/// project file): the page's own HTML, CSS and modules, and the ECharts and SignalR browser builds from npm.
/// Embedding makes the page independent of the content root, so the host serves it the same way under
/// <c>dotnet run</c>, from a published folder, and in-process from tests.
/// </summary>
internal sealed class PageAssets
{
    private const string ResourcePrefix = "dashboard/";

    // Below this a gzip copy saves too little to be worth a second representation.
    private const int CompressFromBytes = 1024;

    private readonly FrozenDictionary<string, PageAsset> _assets;

    private PageAssets(FrozenDictionary<string, PageAsset> assets) => _assets = assets;

    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>Loads every <c>dashboard/…</c> resource of the assembly; the keys are paths below <c>/dashboard/</c>.</summary>
    public static PageAssets Load(Assembly assembly)
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var path = normalized[ResourcePrefix.Length..];
            assets[path] = PageAsset.Of(path, buffer.ToArray(), ContentTypeOf(path, types));
        }

        return new PageAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public PageAsset? Find(string path) => _assets.GetValueOrDefault(path);

    private static string ContentTypeOf(string path, FileExtensionContentTypeProvider types)
    {
        var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "image/svg+xml"
            ? $"{type}; charset=utf-8"
            : type;
    }

    internal static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal)
        || contentType.StartsWith("application/json", StringComparison.Ordinal)
        || contentType.StartsWith("image/svg+xml", StringComparison.Ordinal);

    internal static byte[]? Gzip(byte[] content, string contentType)
    {
        if (content.Length < CompressFromBytes || !IsCompressible(contentType))
        {
            return null;
        }

        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.Length < content.Length ? output.ToArray() : null;
    }

    internal static EntityTagHeaderValue ETagOf(byte[] content, string suffix = "") =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12))}{suffix}\"");
}

/// <summary>One file of the page, with a gzip copy when that is smaller, each with its own entity tag.</summary>
internal sealed record PageAsset(string Path, string ContentType, byte[] Content, EntityTagHeaderValue ETag, byte[]? Gzipped, EntityTagHeaderValue? GzippedETag)
{
    public static PageAsset Of(string path, byte[] content, string contentType)
    {
        var gzipped = PageAssets.Gzip(content, contentType);
        return new PageAsset(
            path,
            contentType,
            content,
            PageAssets.ETagOf(content),
            gzipped,
            gzipped is null ? null : PageAssets.ETagOf(content, "-gz"));
    }
}
