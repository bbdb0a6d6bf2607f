namespace Monitoring.Dashboard.Push;

/// <summary>A silo and the observer of its SignalR hub, as the hub list hands them to the push grains.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloHub([property: Id(0)] SiloAddress Silo, [property: Id(1)] IMonitoringHubObserver Hub);
