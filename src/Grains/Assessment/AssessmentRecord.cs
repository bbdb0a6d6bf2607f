namespace Monitoring.Assessment;

/// <summary>The stages of the three-level review: "医共体自评、县市初评、州级终评".</summary>
public static class AssessmentStage
{
    /// <summary>自评: the alliance (its lead hospital) scores itself.</summary>
    public const string SelfAssessment = "self-assessment";

    /// <summary>初评: the county's regulator reviews it.</summary>
    public const string CountyReview = "county-review";

    /// <summary>终评: the prefecture's regulator decides the score that the final settlement uses.</summary>
    public const string PrefectureDecision = "prefecture-decision";

    public static IReadOnlyList<string> All { get; } = [SelfAssessment, CountyReview, PrefectureDecision];
}

/// <summary>Where an alliance's assessment of a fund year stands.</summary>
public static class AssessmentStatus
{
    public const string Open = "open";
    public const string SelfAssessed = "self-assessed";
    public const string Reviewed = "reviewed";
    public const string Decided = "decided";
}

/// <summary>
/// One recorded step: who (name, role, scope) scored what and when, with their notes and what the live indicators
/// scored at that moment (<see cref="IndicatorScore"/>), so a later reader sees what each level had before it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AssessmentStep(
    [property: Id(0)] int Seq,
    [property: Id(1)] string Stage,
    [property: Id(2)] decimal Score,
    [property: Id(3)] string? Notes,
    [property: Id(4)] string Actor,
    [property: Id(5)] string Role,
    [property: Id(6)] string Scope,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] decimal? IndicatorScore);

/// <summary>An alliance's assessment of one fund year: its status and every step taken, oldest first.</summary>
[GenerateSerializer, Immutable]
public sealed record AssessmentRecord(
    [property: Id(0)] string AllianceId,
    [property: Id(1)] int FundYear,
    [property: Id(2)] string Status,
    [property: Id(3)] AssessmentStep[] Steps)
{
    public static AssessmentRecord Empty(string allianceId, int fundYear) => new(allianceId, fundYear, AssessmentStatus.Open, []);

    /// <summary>The review as its recorded steps, oldest first, make it.</summary>
    public static AssessmentRecord Of(string allianceId, int fundYear, AssessmentStep[] steps) =>
        new(allianceId, fundYear, steps.Length == 0 ? AssessmentStatus.Open : AssessmentWorkflow.StatusAfter(steps[^1].Stage), steps);

    /// <summary>The prefecture's decided score (终评), which the final settlement uses; null until decided.</summary>
    public decimal? DecidedScore => Status == AssessmentStatus.Decided ? Steps.Last(s => s.Stage == AssessmentStage.PrefectureDecision).Score : null;
}

/// <summary>Grain state as it was before the steps had their own store (<see cref="IAssessmentStore"/>): read once, to move its steps there.</summary>
[GenerateSerializer]
public sealed class AssessmentState
{
    [Id(0)] public AssessmentRecord? Record { get; set; }
}

/// <summary>A step someone asks to take: the stage, the actor's token (role, scope kind and id, name), their score and notes.</summary>
[GenerateSerializer, Immutable]
public sealed record AssessmentCommand(
    [property: Id(0)] string Stage,
    [property: Id(1)] string Role,
    [property: Id(2)] string ScopeText,
    [property: Id(3)] string Actor,
    [property: Id(4)] decimal Score,
    [property: Id(5)] string? Notes,
    [property: Id(6)] decimal? IndicatorScore,
    [property: Id(7)] DateTimeOffset At);

/// <summary>What a step did: the record after it, or the status code and reason it was refused with.</summary>
[GenerateSerializer, Immutable]
public sealed record AssessmentOutcome(
    [property: Id(0)] AssessmentRecord Record,
    [property: Id(1)] int StatusCode,
    [property: Id(2)] string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>What the push tells the scopes that may see an alliance's assessment: where it stands, never anyone's notes.</summary>
[GenerateSerializer, Immutable]
public sealed record AssessmentNotice(
    [property: Id(0)] string AllianceId,
    [property: Id(1)] int FundYear,
    [property: Id(2)] string CountyId,
    [property: Id(3)] string RegionId,
    [property: Id(4)] string LeadHospitalId,
    [property: Id(5)] string Status,
    [property: Id(6)] string Stage,
    [property: Id(7)] decimal Score);
