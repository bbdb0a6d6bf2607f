using Monitoring.Cases;
using Monitoring.Dashboard.Push;

namespace Monitoring.Dashboard.Cases;

/// <summary>Case notices through this silo's push grain, in order with alerts and batched with them; never awaited on a hub.</summary>
public sealed class CaseNoticePush(IGrainFactory grains) : ICaseNotices
{
    public void CaseChanged(CaseNotice notice) =>
        grains.GetGrain<IMonitoringPushGrain>(0).PushAsync([Publication.Of(notice)]).AsTask().Ignore();
}
