using Monitoring.Registry;
using Monitoring.Storage;

namespace Monitoring.Assessment;

/// <summary>
/// One alliance's assessment of one fund year: receives a step, asks <see cref="AssessmentWorkflow"/> whether it may be
/// taken, records it (written before anyone is told) and pushes where it now stands.
/// </summary>
public sealed class AssessmentGrain(
    [PersistentState("assessment", GrainStorage.FundState)] IPersistentState<AssessmentState> state,
    RegistryCatalog registry,
    IAssessmentNotices notices) : Grain, IAssessmentGrain
{
    private string AllianceId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf(':')];

    private int FundYear => int.Parse(this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public Task<AssessmentRecord> GetAsync() => Task.FromResult(state.State.Record ?? AssessmentRecord.Empty(AllianceId, FundYear));

    public async Task<AssessmentOutcome> ActAsync(AssessmentCommand command)
    {
        var current = await registry.CurrentAsync();
        var outcome = AssessmentWorkflow.Apply(state.State.Record ?? AssessmentRecord.Empty(AllianceId, FundYear), command, current);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        state.State.Record = outcome.Record;
        await state.WriteStateAsync();
        var county = current.Counties[current.Alliances[AllianceId].County.CountyId];
        notices.AssessmentChanged(new AssessmentNotice(AllianceId, FundYear, county.County.CountyId, county.Region.RegionId,
            AssessmentWorkflow.LeadOf(AllianceId, current) ?? "", outcome.Record.Status, command.Stage, command.Score));
        return outcome;
    }
}
