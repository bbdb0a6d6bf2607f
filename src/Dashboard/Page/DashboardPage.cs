using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Monitoring.Dashboard.Security;

namespace Monitoring.Dashboard.Page;

/// <summary>
/// The web page regulators and hospitals use: <c>/</c> is the page, <c>/dashboard/…</c> its styles, modules and the
/// ECharts and SignalR browser libraries, all served from memory (<see cref="PageAssets"/>). The page itself is
/// public; every figure it shows comes from the bearer-protected API and hub, scoped by the token pasted into it.
/// </summary>
public static class DashboardPage
{
    public const string AssetPrefix = "/dashboard";

    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder app)
    {
        var assets = PageAssets.Load(typeof(DashboardPage).Assembly);
        var index = assets.Find("index.html")
            ?? throw new InvalidOperationException("the dashboard page (Page/wwwroot/index.html) is not embedded in Monitoring.Dashboard");

        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurity.Policy;
                // A token may arrive in ?token=; the page moves it to sessionStorage, and it must not leave in a Referer.
                headers["Referrer-Policy"] = "no-referrer";
                return Serve(index, http);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapMethods(AssetPrefix + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (string path, HttpContext http) =>
                assets.Find(path) is { } asset ? Serve(asset, http) : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();

        return app;
    }

    private static IResult Serve(PageAsset asset, HttpContext http)
    {
        var headers = http.Response.Headers;
        // Revalidated on every load (a 304 when unchanged), so a new build is never hidden behind a stale cache.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (asset.Gzipped is not null && AcceptsGzip(http.Request))
        {
            headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(asset.Gzipped, asset.ContentType, entityTag: asset.GzippedETag);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e =>
            e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
}
