namespace Monitoring.Silo.Tests.Storage;

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string? Note { get; set; }
}
