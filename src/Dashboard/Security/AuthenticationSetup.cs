using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Monitoring.Dashboard.Security;

/// <summary>Bearer authentication for REST and the SignalR hub, with the contract's roles as policies.</summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddMonitoringAuthentication(this IServiceCollection services, IConfiguration configuration, bool durable)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var key = SigningKeys.Resolve(options, durable);
        services.AddSingleton(options);
        services.AddSingleton(new TokenIssuer(options, key));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key,
                    RoleClaimType = MonitoringClaimTypes.Role,
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                jwt.Events = new JwtBearerEvents
                {
                    // A valid signature is not enough: one role, one scope at most, both meaning something.
                    OnTokenValidated = context =>
                    {
                        var problem = context.Principal is null ? "the token has no claims" : TokenShape.Problem(context.Principal);
                        if (problem is not null)
                        {
                            context.Fail(problem);
                        }

                        return Task.CompletedTask;
                    },

                    // Browsers cannot set headers on a WebSocket: SignalR sends the token in the query instead.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                            && context.Request.Query["access_token"].FirstOrDefault() is { Length: > 0 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization(MonitoringPolicies.Add);
        return services;
    }
}
