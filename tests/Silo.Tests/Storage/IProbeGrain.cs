namespace Monitoring.Silo.Tests.Storage;

/// <summary>A grain that exercises the storage, reminder and activation paths the ADO.NET providers serve.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task Remember(string note);

    Task<string?> Recall();

    /// <summary>Identifies the current activation, so a test can tell a fresh one that had to read storage.</summary>
    Task<Guid> Activation();

    Task Deactivate();

    Task StartReminder(string name);

    Task<bool> HasReminder(string name);
}
