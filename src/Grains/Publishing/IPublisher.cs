using Monitoring.Alerts;
using Monitoring.Funds.Snapshots;

namespace Monitoring.Publishing;

/// <summary>
/// The one door through which grains tell people something: alerts are stored (each id once) and then pushed to every
/// silo's hub; fund statuses are pushed, coalesced per account. A grain awaits the door only for storage, never for a hub.
/// </summary>
public interface IPublisher
{
    /// <summary>
    /// Stores the alerts (retried until stored: the caller's turn does not end on an unstored finding) and delivers
    /// those newly stored; a finding re-raised by a replay goes nowhere. A <c>cleared</c> alert of any kind also
    /// resolves its episode, as <see cref="ResolveAsync"/> does.
    /// </summary>
    Task RaiseAsync(IReadOnlyList<Alert> alerts);

    /// <summary>
    /// Withdraws the alerts with these ids or resting on these claims (a reversal undid them) and pushes each once as
    /// it now reads.
    /// </summary>
    Task WithdrawAsync(IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason);

    /// <summary>
    /// A level cleared (<paramref name="cleared"/> says so): the alerts of its kind about its subject up to it — the
    /// episode it ends, and the clearing alert itself — become resolved, and each is pushed once as it now reads.
    /// </summary>
    Task ResolveAsync(Alert cleared);

    /// <summary>
    /// A case was decided: its alerts that are not withdrawn become resolved with <paramref name="reason"/> (naming the
    /// case and the decision), and each changed one is pushed once as it now reads.
    /// </summary>
    Task ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason);

    /// <summary>A fund account's status changed. Never blocks: only the latest per account is pushed, at a bounded rate.</summary>
    void FundChanged(FundStatus status);
}
