namespace Monitoring.Silo.Tests.Storage;

public sealed class ProbeGrain(
    [PersistentState("probe", ProbeSilo.StorageName)] IPersistentState<ProbeState> state) : Grain, IProbeGrain, IRemindable
{
    private readonly Guid _activation = Guid.NewGuid();

    public async Task Remember(string note)
    {
        state.State.Note = note;
        await state.WriteStateAsync();
    }

    public Task<string?> Recall() => Task.FromResult(state.State.Note);

    public Task<Guid> Activation() => Task.FromResult(_activation);

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    // Long enough that it never fires during a test: only its registration is under test.
    public Task StartReminder(string name) =>
        this.RegisterOrUpdateReminder(name, dueTime: TimeSpan.FromHours(1), period: TimeSpan.FromHours(1));

    public async Task<bool> HasReminder(string name) => await this.GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
