namespace Monitoring.Assessment;

/// <summary>The assessment of one alliance for one fund year, keyed <c>{allianceId}:{fundYear}</c>: it serialises the steps and keeps their record.</summary>
public interface IAssessmentGrain : IGrainWithStringKey
{
    Task<AssessmentRecord> GetAsync();

    Task<AssessmentOutcome> ActAsync(AssessmentCommand command);
}

/// <summary>Pushes assessment notices to the hub groups that may see them; never blocks on a hub.</summary>
public interface IAssessmentNotices
{
    void AssessmentChanged(AssessmentNotice notice);
}

public static class AssessmentGrainKeys
{
    public static string Of(string allianceId, int fundYear) => $"{allianceId}:{fundYear}";
}
