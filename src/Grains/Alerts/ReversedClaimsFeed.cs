using Monitoring.Claims;
using Monitoring.Dispatch;
using Monitoring.Publishing;

namespace Monitoring.Alerts;

/// <summary>
/// No alert may stand on a reversed claim (冲销): whatever raised it, an alert that rests on a claim a batch reverses
/// is withdrawn, and the change is pushed. One store call per batch that holds reversals; none for the others.
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
