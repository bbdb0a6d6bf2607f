using Monitoring.Access;
using Monitoring.Assessment;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Grains.Tests.Grains;

/// <summary>The wiring of the assessment grain: steps recorded in turn, refusals change nothing, each step pushed once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AssessmentGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Steps_are_recorded_in_turn_and_pushed_without_notes()
    {
        await fixture.Registry.ReplaceAsync("""
            {"fundYear":2026,"regions":[{"regionId":"530900","name":"临沧市","counties":[{"countyId":"530981","name":"测试县","annualBudget":1000000,
              "alliances":[{"allianceId":"A-530981","name":"紧密型医共体","type":"tight","annualBudget":800000}],
              "hospitals":[{"hospitalId":"H53098100001","name":"人民医院","level":2,"allianceId":"A-530981"}]}]}]}
            """);
        var grain = fixture.Cluster.Client.GetGrain<IAssessmentGrain>(AssessmentGrainKeys.Of("A-530981", 2026));
        var at = DateTimeOffset.UtcNow;

        var refused = await grain.ActAsync(new AssessmentCommand(AssessmentStage.CountyReview, AccessScope.Regulator, "county:530981", "c", 80m, null, null, at));
        var self = await grain.ActAsync(new AssessmentCommand(AssessmentStage.SelfAssessment, AccessScope.HospitalRole, "hospital:H53098100001", "h", 92m, "自评说明", 90.5m, at));
        var review = await grain.ActAsync(new AssessmentCommand(AssessmentStage.CountyReview, AccessScope.Regulator, "county:530981", "c", 85m, "初评意见", 90.5m, at));

        Assert.Equal((409, true, true), (refused.StatusCode, self.Succeeded, review.Succeeded));
        var record = await grain.GetAsync();
        Assert.Equal((AssessmentStatus.Reviewed, 2), (record.Status, record.Steps.Length));
        Assert.Equal(90.5m, record.Steps[0].IndicatorScore);
        var pushed = fixture.SiloServices.GetRequiredService<RecordingAssessmentNotices>().Notices.Where(n => n.AllianceId == "A-530981").ToList();
        Assert.Equal([AssessmentStatus.SelfAssessed, AssessmentStatus.Reviewed], pushed.Select(n => n.Status));
        Assert.All(pushed, n => Assert.Equal(("530981", "530900", "H53098100001"), (n.CountyId, n.RegionId, n.LeadHospitalId)));
    }
}

/// <summary>The assessment notices the grains pushed, in order.</summary>
public sealed class RecordingAssessmentNotices : IAssessmentNotices
{
    private readonly Lock _gate = new();
    private readonly List<AssessmentNotice> _notices = [];

    public IReadOnlyList<AssessmentNotice> Notices
    {
        get
        {
            lock (_gate)
            {
                return [.. _notices];
            }
        }
    }

    public void AssessmentChanged(AssessmentNotice notice)
    {
        lock (_gate)
        {
            _notices.Add(notice);
        }
    }
}
