using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Monitoring.Dashboard.Security;
using Scalar.AspNetCore;

namespace Monitoring.Silo;

/// <summary>
/// The host describes its own API: the OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoints
/// themselves so it cannot drift from them, and a browsable reference of it at <c>/scalar</c>. Both are open without a
/// token (they describe, they hold no data); every operation they list still needs its bearer token.
/// </summary>
public static class ApiReference
{
    public static IServiceCollection AddMonitoringOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "医保基金实时监测 · Fund monitor API",
                Version = "v1",
                Description =
                    "Claims in (POST /api/claims, role ingest), the registry, live fund snapshots, alerts, drill-down and the monthly " +
                    "report out, every read checked against the token's role and scope. Event, registry and alert formats: docs/ in " +
                    "the repository. Tokens: `token` verb of the host, or the ones the embedded demo prints.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token minted by the host (`token --role … --scope …`).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        }));

    public static WebApplication MapMonitoringApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // The reference starts with one inline script: it carries this response's nonce, so the host's
        // Content-Security-Policy lets it run and still refuses any other inline script (see ContentSecurity); its fonts
        // are the browser's own, not a CDN's (the policy loads nothing from elsewhere).
        app.MapScalarApiReference((options, http) => options.WithTitle("Fund monitor API").DisableDefaultFonts().WithNonce(ContentSecurity.ApiReferenceNonce(http))).AllowAnonymous();
        return app;
    }
}
