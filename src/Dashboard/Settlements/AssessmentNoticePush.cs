using Monitoring.Assessment;
using Monitoring.Dashboard.Push;

namespace Monitoring.Dashboard.Settlements;

/// <summary>Assessment notices through this silo's push grain, batched with alerts; never awaited on a hub.</summary>
public sealed class AssessmentNoticePush(IGrainFactory grains) : IAssessmentNotices
{
    public void AssessmentChanged(AssessmentNotice notice) =>
        grains.GetGrain<IMonitoringPushGrain>(0).PushAsync([Publication.Of(notice)]).AsTask().Ignore();
}
