using Monitoring.Access;
using Monitoring.Registry;

namespace Monitoring.Assessment;

/// <summary>
/// 医共体自评、县市初评、州级终评 (楚雄州): who may take which step, and in what order. The alliance's lead hospital
/// submits the self-assessment (and may resubmit until the county has reviewed it); the regulator of the alliance's
/// county reviews; the regulator of its prefecture decides. No level takes another's step: an alliance cannot review
/// itself and a county cannot decide.
/// </summary>
public static class AssessmentWorkflow
{
    public const int MaxNotesLength = 2000;

    /// <summary>牵头医院: the hospital that speaks for the alliance; the registry's, else its highest-level member (lowest id on a tie).</summary>
    public static string? LeadOf(string allianceId, FundRegistry registry) =>
        registry.Alliances.TryGetValue(allianceId, out var a) && a.Alliance.LeadHospitalId is { } lead
            ? lead
            : registry.Alliances.TryGetValue(allianceId, out var entry)
                ? entry.County.Hospitals.Where(h => h.AllianceId == allianceId).OrderByDescending(h => h.Level)
                    .ThenBy(h => h.HospitalId, StringComparer.Ordinal).Select(h => h.HospitalId).FirstOrDefault()
                : null;

    public static AssessmentOutcome Apply(AssessmentRecord record, AssessmentCommand command, FundRegistry registry)
    {
        var place = registry.Counties[registry.Alliances[record.AllianceId].County.CountyId];
        var (county, region) = (place.County.CountyId, place.Region.RegionId);
        var actor = AccessScope.Parse(command.Role, command.ScopeText, out _);
        var (mayAct, needed) = command.Stage switch
        {
            AssessmentStage.SelfAssessment => (actor is { Role: AccessScope.HospitalRole } && actor.Id == LeadOf(record.AllianceId, registry),
                $"the alliance's lead hospital (hospital:{LeadOf(record.AllianceId, registry)}) submits its self-assessment (自评由医共体牵头医院提交)"),
            AssessmentStage.CountyReview => (actor is { Role: AccessScope.Regulator, Kind: ScopeKind.County } && actor.Id == county,
                $"the regulator of county {county} reviews (初评由县级医保部门进行)"),
            AssessmentStage.PrefectureDecision => (actor is { Role: AccessScope.Regulator, Kind: ScopeKind.Region } && actor.Id == region,
                $"the regulator of prefecture {region} decides (终评由州级医保部门作出)"),
            _ => (false, $"stage must be one of {string.Join(", ", AssessmentStage.All)}"),
        };
        if (!mayAct)
        {
            return new AssessmentOutcome(record, 403, $"{command.Role} {command.ScopeText} may not take the {command.Stage} step: {needed}");
        }

        var allowedFrom = command.Stage switch
        {
            AssessmentStage.SelfAssessment => new[] { AssessmentStatus.Open, AssessmentStatus.SelfAssessed },
            AssessmentStage.CountyReview => [AssessmentStatus.SelfAssessed],
            _ => [AssessmentStatus.Reviewed],
        };
        if (!allowedFrom.Contains(record.Status))
        {
            return new AssessmentOutcome(record, 409,
                $"the assessment is {record.Status}; {command.Stage} follows only {string.Join(" or ", allowedFrom)} (当前状态不允许此步骤)");
        }

        var step = new AssessmentStep(record.Steps.Length + 1, command.Stage, command.Score, command.Notes, command.Actor, command.Role,
            command.ScopeText, ToTheMicrosecond(command.At), command.IndicatorScore);
        return new AssessmentOutcome(record with { Status = StatusAfter(command.Stage), Steps = [.. record.Steps, step] }, 200, null);
    }

    /// <summary>A step's time as the store keeps it (PostgreSQL to the microsecond), so a review reads the same before and after a restart.</summary>
    private static DateTimeOffset ToTheMicrosecond(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));

    /// <summary>Where a review stands once a stage is taken: the last step recorded says it, so the record is the fold of its steps.</summary>
    public static string StatusAfter(string stage) => stage switch
    {
        AssessmentStage.SelfAssessment => AssessmentStatus.SelfAssessed,
        AssessmentStage.CountyReview => AssessmentStatus.Reviewed,
        AssessmentStage.PrefectureDecision => AssessmentStatus.Decided,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a stage of the review"),
    };

    /// <summary>Problems with a step's score and notes, each naming its field; empty when they are fine.</summary>
    public static IReadOnlyList<string> Problems(decimal? score, string? notes)
    {
        var problems = new List<string>();
        if (score is not { } s)
        {
            problems.Add("score is required: a number from 0 to 100 (考核得分必填)");
        }
        else if (s is < 0 or > 100 || decimal.Round(s, 2) != s)
        {
            problems.Add($"score {s} must be from 0 to 100 with at most 2 decimals (考核得分应在0至100之间，最多两位小数)");
        }

        if (notes is { Length: > MaxNotesLength })
        {
            problems.Add($"notes must be at most {MaxNotesLength} characters, got {notes.Length} (说明不得超过{MaxNotesLength}字)");
        }

        return problems;
    }

    /// <summary>
    /// The record as a hospital may read it: the officials' notes are theirs (an official's internal note never reaches a
    /// hospital), their scores and the status are the alliance's to know.
    /// </summary>
    public static AssessmentRecord ViewFor(AccessScope scope, AssessmentRecord record) => scope.Role == AccessScope.HospitalRole
        ? record with { Steps = [.. record.Steps.Select(s => s.Role == AccessScope.HospitalRole ? s : s with { Notes = null, Actor = s.Role })] }
        : record;
}
