namespace Monitoring.Funds;

/// <summary>
/// Where fund accounts report their status after it changed. Must not block: the host coalesces per account and
/// pushes at a bounded rate, so a grain may report after every batch without putting a hub call on its path.
/// </summary>
public interface IFundStatusSink
{
    void Changed(FundStatus status);
}
