using Monitoring.Registry;

namespace Monitoring.Demo;

/// <summary>The demo prefecture's registry and, for each of its hospitals, what the demo year makes it spend.</summary>
public sealed record DemoScenario(RegistryDocument Registry, IReadOnlyList<DemoInstitution> Institutions);
