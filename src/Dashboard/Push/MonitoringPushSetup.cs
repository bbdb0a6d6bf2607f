using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Dashboard.Hubs;
using Monitoring.Publishing;

namespace Monitoring.Dashboard.Push;

/// <summary>The hub, the publishing door and its delivery sweep, the push from grains to every silo's hub, and the endpoint.</summary>
public static class MonitoringPushSetup
{
    public static IServiceCollection AddMonitoringPush(this IServiceCollection services)
    {
        services.AddSignalR()
            // Chinese text goes out as written rather than as \u escapes; the documents name their own properties.
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddSingleton<FindingsTally>();
        services.AddHostedService(sp => sp.GetRequiredService<FindingsTally>());

        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.IsValid, "Monitoring:Delivery needs FirstRetryDelay above zero, LongestRetryDelay at least that, a SweepInterval above zero and a BatchSize of 1..10000")
            .ValidateOnStart();
        services.AddSingleton<IPublisher, Publisher>();
        services.AddHostedService<AlertDeliverySweep>();
        services.AddSingleton<HubObserver>();
        services.AddHostedService<HubListRegistration>();
        return services;
    }

    public static IEndpointRouteBuilder MapMonitoringHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<MonitoringHub>(MonitoringHub.Path);
        return app;
    }
}
