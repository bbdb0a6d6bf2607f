using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Monitoring.Dashboard.Security;

/// <summary>
/// One Content-Security-Policy for every response of the host: pages (the dashboard, the printable monthly report, the
/// API reference) load only their own files and talk only to their own origin (the API and the hub's WebSocket), and
/// no inline script runs — so that a name or note that slipped past encoding still could not execute. Inline styles
/// stay allowed: ECharts writes its tooltips as HTML with style attributes, and the report prints with its own sheet.
/// </summary>
public static class ContentSecurity
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private const string NonceItem = "Monitoring.ContentSecurity.Nonce";

    /// <summary>
    /// A fresh nonce for this response of the API reference (Scalar), whose page starts with one inline script of its
    /// own: that script runs, any other inline script still does not. Its bundled client also compiles code at run
    /// time, so this one page's policy allows <c>eval</c> too; it holds no data and loads nothing from elsewhere.
    /// </summary>
    public static string ApiReferenceNonce(HttpContext http)
    {
        if (http.Items[NonceItem] is not string nonce)
        {
            http.Items[NonceItem] = nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        }

        return nonce;
    }

    /// <summary>The policy of one response: <see cref="Policy"/>, or the API reference's with its nonce.</summary>
    public static string PolicyOf(HttpContext http) =>
        http.Items[NonceItem] is string nonce
            ? Policy.Replace("script-src 'self';", $"script-src 'self' 'nonce-{nonce}' 'unsafe-eval';", StringComparison.Ordinal)
            : Policy;

    /// <summary>Sets the policy on each response as it starts, whatever endpoint (or none) answers it.</summary>
    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.ContentSecurityPolicy = PolicyOf(http);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        await next(http);
    });
}
