using Monitoring.Access;
using Monitoring.Assessment;
using static Monitoring.Grains.Tests.Settlements.PackageFixtures;

namespace Monitoring.Grains.Tests.Assessment;

public sealed class AssessmentWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static AssessmentCommand Step(string stage, string role, string scope, decimal score = 90m) =>
        new(stage, role, scope, $"{role}@{scope}", score, "notes", 88m, At);

    private static AssessmentOutcome Apply(AssessmentRecord record, AssessmentCommand command) =>
        AssessmentWorkflow.Apply(record, command, TwoCounties());

    private static readonly AssessmentCommand Self = Step(AssessmentStage.SelfAssessment, AccessScope.HospitalRole, $"hospital:{H1}", 95m);
    private static readonly AssessmentCommand Review = Step(AssessmentStage.CountyReview, AccessScope.Regulator, $"county:{Yun}", 90m);
    private static readonly AssessmentCommand Decide = Step(AssessmentStage.PrefectureDecision, AccessScope.Regulator, "region:530900", 86.5m);

    [Fact]
    public void Lead_is_the_highest_level_member_when_the_registry_names_none()
    {
        Assert.Equal(H1, AssessmentWorkflow.LeadOf("T", TwoCounties()));
    }

    [Fact]
    public void Self_assessment_then_county_review_then_prefecture_decision_decides_the_score()
    {
        var record = AssessmentRecord.Empty("T", 2026);
        foreach (var step in new[] { Self, Review, Decide })
        {
            var outcome = Apply(record, step);
            Assert.True(outcome.Succeeded, outcome.Error);
            record = outcome.Record;
        }

        Assert.Equal((AssessmentStatus.Decided, 86.5m), (record.Status, record.DecidedScore));
        Assert.Equal([AssessmentStage.SelfAssessment, AssessmentStage.CountyReview, AssessmentStage.PrefectureDecision], record.Steps.Select(s => s.Stage));
        Assert.Equal([1, 2, 3], record.Steps.Select(s => s.Seq));
    }

    [Fact]
    public void Alliance_cannot_review_itself()
    {
        var selfAssessed = Apply(AssessmentRecord.Empty("T", 2026), Self).Record;

        var outcome = Apply(selfAssessed, Step(AssessmentStage.CountyReview, AccessScope.HospitalRole, $"hospital:{H1}"));

        Assert.Equal((403, AssessmentStatus.SelfAssessed), (outcome.StatusCode, outcome.Record.Status));
    }

    [Fact]
    public void County_cannot_decide_and_another_county_cannot_review()
    {
        var reviewed = Apply(Apply(AssessmentRecord.Empty("T", 2026), Self).Record, Review).Record;
        var selfAssessed = Apply(AssessmentRecord.Empty("T", 2026), Self).Record;

        Assert.Equal(403, Apply(reviewed, Step(AssessmentStage.PrefectureDecision, AccessScope.Regulator, $"county:{Yun}")).StatusCode);
        Assert.Equal(403, Apply(selfAssessed, Step(AssessmentStage.CountyReview, AccessScope.Regulator, $"county:{Feng}")).StatusCode);
    }

    [Fact]
    public void A_member_that_is_not_the_lead_cannot_self_assess()
    {
        Assert.Equal(403, Apply(AssessmentRecord.Empty("T", 2026), Step(AssessmentStage.SelfAssessment, AccessScope.HospitalRole, $"hospital:{H2}")).StatusCode);
    }

    [Fact]
    public void Steps_out_of_turn_are_refused_as_conflicts()
    {
        var open = AssessmentRecord.Empty("T", 2026);
        var decided = Apply(Apply(Apply(open, Self).Record, Review).Record, Decide).Record;

        Assert.Equal(409, Apply(open, Review).StatusCode);
        Assert.Equal(409, Apply(Apply(open, Self).Record, Decide).StatusCode);
        Assert.Equal(409, Apply(decided, Self).StatusCode);
    }

    [Fact]
    public void Self_assessment_may_be_resubmitted_until_reviewed()
    {
        var once = Apply(AssessmentRecord.Empty("T", 2026), Self).Record;

        var twice = Apply(once, Self);

        Assert.True(twice.Succeeded);
        Assert.Equal(2, twice.Record.Steps.Length);
    }

    [Theory]
    [InlineData(null, "score is required")]
    [InlineData(100.5, "score 100.5 must be from 0 to 100")]
    [InlineData(-1.0, "score -1 must be from 0 to 100")]
    [InlineData(80.125, "score 80.125 must be from 0 to 100 with at most 2 decimals")]
    public void Bad_scores_are_named(double? score, string expected)
    {
        Assert.StartsWith(expected, Assert.Single(AssessmentWorkflow.Problems((decimal?)score, null)), StringComparison.Ordinal);
    }

    [Fact]
    public void Hospital_view_drops_the_officials_notes()
    {
        var reviewed = Apply(Apply(AssessmentRecord.Empty("T", 2026), Self).Record, Review).Record;

        var view = AssessmentWorkflow.ViewFor(new AccessScope(AccessScope.HospitalRole, ScopeKind.Hospital, H1), reviewed);

        Assert.Equal(["notes", null], view.Steps.Select(s => s.Notes));
        Assert.Equal(90m, view.Steps[1].Score);
    }
}
