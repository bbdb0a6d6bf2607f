namespace Monitoring.Assessment;

/// <summary>
/// Where an alliance's review steps are kept: appended, never changed (in memory embedded; PostgreSQL's
/// <c>assessment_steps</c>, migration 0055, in production). The review as it stands is the fold of its steps.
/// </summary>
public interface IAssessmentStore
{
    /// <summary>The steps of one alliance's review of one fund year, oldest first.</summary>
    Task<AssessmentStep[]> LoadAsync(string allianceId, int fundYear, CancellationToken cancellationToken = default);

    /// <summary>Appends one step; a second step under the same <see cref="AssessmentStep.Seq"/> is refused.</summary>
    Task AppendAsync(string allianceId, int fundYear, AssessmentStep step, CancellationToken cancellationToken = default);
}

/// <summary>The embedded mode's steps: lost with the process, like everything else there.</summary>
public sealed class InMemoryAssessmentStore : IAssessmentStore
{
    private readonly Dictionary<(string, int), List<AssessmentStep>> _steps = [];
    private readonly Lock _gate = new();

    public Task<AssessmentStep[]> LoadAsync(string allianceId, int fundYear, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_steps.TryGetValue((allianceId, fundYear), out var steps) ? steps.ToArray() : []);
        }
    }

    public Task AppendAsync(string allianceId, int fundYear, AssessmentStep step, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_steps.TryGetValue((allianceId, fundYear), out var steps))
            {
                _steps[(allianceId, fundYear)] = steps = [];
            }

            if (steps.Any(s => s.Seq == step.Seq))
            {
                throw new InvalidOperationException($"step {step.Seq} of {allianceId}:{fundYear} is already recorded");
            }

            steps.Add(step);
        }

        return Task.CompletedTask;
    }
}
