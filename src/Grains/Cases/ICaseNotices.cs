namespace Monitoring.Cases;

/// <summary>Pushes case notices to the hub groups that may see the case; never blocks on a hub.</summary>
public interface ICaseNotices
{
    void CaseChanged(CaseNotice notice);
}
