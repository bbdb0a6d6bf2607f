using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Claims;

namespace Monitoring.Dashboard.Input;

/// <summary>
/// Every query parameter and route value of every endpoint gets the ingest path's treatment (<see cref="StorableText"/>):
/// a NUL (<c>%00</c>) or a lone surrogate is answered 400 naming the parameter, before any handler, store or SQL sees
/// it — PostgreSQL cannot hold such text, and a handler that passes it on would fail with a 500. One check for the
/// whole host, so that an endpoint added later cannot forget it.
/// </summary>
public static class StorableInput
{
    /// <summary>After authentication and authorization: a caller without a token learns 401 first, as everywhere.</summary>
    public static IApplicationBuilder UseStorableInput(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Problem(http.Request) is { } problem)
        {
            await Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad input (输入不合法)").ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    /// <summary>The first parameter whose name or value is not storable text, as a sentence naming it; null when all are.</summary>
    public static string? Problem(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (StorableText.Problem(name) is { } nameProblem)
            {
                return $"a query parameter name {nameProblem}";
            }

            foreach (var value in values)
            {
                if (value is not null && StorableText.Problem(value) is { } problem)
                {
                    return $"query parameter {name} {problem}";
                }
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && StorableText.Problem(text) is { } problem)
            {
                return $"{name} in the path {problem}";
            }
        }

        return null;
    }
}
