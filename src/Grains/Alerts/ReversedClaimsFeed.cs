using Monitoring.Claims;
using Monitoring.Dispatch;
using Monitoring.Publishing;

namespace Monitoring.Alerts;

/// <summary>
/// No finding may stand on a reversed claim (冲销): whatever raised it, an alert of a kind that rests on its claims
/// (<see cref="AlertKinds.RestingOnClaims"/>) and lists a claim a batch reverses is withdrawn, and the change is pushed.
/// Pattern findings, whose claims are examples, are left to their detectors to judge again. One store call per batch
/// that holds reversals; none for the others.
/// </summary>
public sealed class ReversedClaimsFeed(IPublisher publisher) : ILedgerConsumer
{
    /// <summary>Why an alert was withdrawn when a claim it rests on was reversed.</summary>
    public const string Reason = "claim-reversed";

    public string Name => "alert withdrawal on reversal";

    public async Task ConsumeAsync(AdmittedBatch batch)
    {
        var reversed = batch.Entries.Where(e => e.Claim.Kind == ClaimKind.Reversal).Select(e => e.Claim.ReversesClaimId!).ToList();
        if (reversed.Count > 0)
        {
            await publisher.WithdrawAsync([], reversed, Reason);
        }
    }
}
