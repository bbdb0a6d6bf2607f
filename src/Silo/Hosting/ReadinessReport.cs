using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitoring.Silo;

/// <summary>
/// The body of <c>/readyz</c>: the overall status and each check by name with its description, so an operator
/// reads what is missing ("no registry in force", "PostgreSQL does not answer") rather than a bare "Degraded".
/// </summary>
public static class ReadinessReport
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}
