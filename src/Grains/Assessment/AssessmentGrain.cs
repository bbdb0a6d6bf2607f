using Monitoring.Registry;
using Monitoring.Storage;

namespace Monitoring.Assessment;

/// <summary>
/// One alliance's assessment of one fund year: receives a step, asks <see cref="AssessmentWorkflow"/> whether it may be
/// taken, appends it to the store (written before anyone is told) and pushes where it now stands. The record is the
/// fold of the stored steps; the grain serialises the steps so their numbers never collide.
/// </summary>
public sealed class AssessmentGrain(
    [PersistentState("assessment", GrainStorage.FundState)] IPersistentState<AssessmentState> legacy,
    IAssessmentStore store,
    RegistryCatalog registry,
    IAssessmentNotices notices) : Grain, IAssessmentGrain
{
    private AssessmentRecord _record = null!;

    private string AllianceId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf(':')];

    private int FundYear => int.Parse(this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var steps = await store.LoadAsync(AllianceId, FundYear, cancellationToken);
        // Steps recorded before the store existed lived in this grain's state: move them over once, then forget the state.
        if (legacy.State.Record is { } old)
        {
            foreach (var step in old.Steps.Where(o => steps.All(s => s.Seq != o.Seq)))
            {
                await store.AppendAsync(AllianceId, FundYear, step, cancellationToken);
            }

            steps = await store.LoadAsync(AllianceId, FundYear, cancellationToken);
            await legacy.ClearStateAsync();
        }

        _record = AssessmentRecord.Of(AllianceId, FundYear, steps);
    }

    public Task<AssessmentRecord> GetAsync() => Task.FromResult(_record);

    public async Task<AssessmentOutcome> ActAsync(AssessmentCommand command)
    {
        var current = await registry.CurrentAsync();
        var outcome = AssessmentWorkflow.Apply(_record, command, current);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        await store.AppendAsync(AllianceId, FundYear, outcome.Record.Steps[^1]);
        _record = outcome.Record;
        var county = current.Counties[current.Alliances[AllianceId].County.CountyId];
        notices.AssessmentChanged(new AssessmentNotice(AllianceId, FundYear, county.County.CountyId, county.Region.RegionId,
            AssessmentWorkflow.LeadOf(AllianceId, current) ?? "", outcome.Record.Status, command.Stage, command.Score));
        return outcome;
    }
}
