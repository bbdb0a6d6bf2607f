using Monitoring.Claims;

namespace Monitoring.Ledger;

/// <summary>
/// Decides, for a batch of valid events and what the ledger already holds, which events become rows:
/// a re-sent event (same claimId, same content) is a duplicate; the same claimId with other content is a
/// conflict; a reversal must cancel a settlement that exists and is not yet cancelled. Events earlier in the
/// batch count as already held, so a batch may settle and reverse the same claim.
/// The ledger implementations call this under their single writer, so its view cannot go stale.
/// </summary>
public static class LedgerAdmission
{
    public static Admission Admit(
        IReadOnlyList<ClaimSubmission> batch,
        IReadOnlyDictionary<string, KnownClaim> known,
        Func<string, long> lastSeqOf)
    {
        var held = new Dictionary<string, KnownClaim>();
        var nextSeq = new Dictionary<string, long>();
        var appends = new List<PendingRow>();
        var rejected = new List<ClaimRejection>();
        var duplicates = 0;

        KnownClaim? Find(string claimId) =>
            held.TryGetValue(claimId, out var inBatch) ? inBatch : known.GetValueOrDefault(claimId);

        foreach (var submission in batch)
        {
            var claim = submission.Claim;
            if (Find(claim.ClaimId) is { } existing)
            {
                if (existing.Fingerprint.AsSpan().SequenceEqual(submission.Fingerprint))
                {
                    duplicates++;
                }
                else
                {
                    rejected.Add(new ClaimRejection(submission.Index, claim.ClaimId,
                    [
                        $"claimId {claim.ClaimId} was already received with different content; a correction is a reversal followed by a new claimId (结算流水号重复且内容不同：更正应先冲销再以新流水号结算)",
                    ]));
                }

                continue;
            }

            FundMovement movement;
            if (claim.Kind == ClaimKind.Reversal)
            {
                var targetId = claim.ReversesClaimId!;
                var target = Find(targetId);
                var refusal = target switch
                {
                    // Refused, not held: another feed's batch may still carry the settlement, and the feed re-sends (docs/claim-events.md).
                    null => $"reversesClaimId {targetId} is not a settlement in the ledger; if it is on its way in another batch, send this reversal again once that batch is taken (被冲销的结算 {targetId} 不存在；若该结算在另一批次中尚未入账，请待其入账后重发本冲销)",
                    { Kind: ClaimKind.Reversal } => $"reversesClaimId {targetId} is itself a reversal; only settlements can be reversed (只能冲销结算记录)",
                    { Kind: ClaimKind.Recovery } => $"reversesClaimId {targetId} is a recovery booked by an inspection case; only settlements can be reversed (只能冲销结算记录)",
                    { ReversedBy: { } by } => $"settlement {targetId} was already reversed by {by} (结算 {targetId} 已被 {by} 冲销)",
                    _ => null,
                };
                if (refusal is not null)
                {
                    rejected.Add(new ClaimRejection(submission.Index, claim.ClaimId, [refusal]));
                    continue;
                }

                held[targetId] = target! with { ReversedBy = claim.ClaimId };
                movement = new FundMovement(target!.HospitalId, Next(target.HospitalId), ClaimKind.Reversal,
                    target.BudgetDate, -target.FundPaid, claim.SettledAt, target.InsuredCountyId);
            }
            else
            {
                // A settlement, or a recovery booked by a case: both count on their own settlement day.
                movement = new FundMovement(claim.HospitalId!, Next(claim.HospitalId!), claim.Kind,
                    BudgetClock.BudgetDate(claim.SettledAt), claim.FundPaid!.Value, claim.SettledAt, claim.InsuredCountyId);
            }

            var patientId = claim.Kind == ClaimKind.Reversal ? Find(claim.ReversesClaimId!)!.PatientId : claim.PatientId;
            held[claim.ClaimId] = new KnownClaim(claim.ClaimId, submission.Fingerprint, claim.Kind,
                movement.HospitalId, movement.FundPaid, movement.BudgetDate, ReversedBy: null, patientId, movement.InsuredCountyId);
            appends.Add(new PendingRow(submission, movement, patientId));
        }

        return new Admission(appends, duplicates, rejected);

        long Next(string hospitalId)
        {
            var seq = (nextSeq.TryGetValue(hospitalId, out var last) ? last : lastSeqOf(hospitalId)) + 1;
            nextSeq[hospitalId] = seq;
            return seq;
        }
    }

    /// <summary>The ids whose ledger records the admission needs: the batch's own and the settlements it reverses.</summary>
    public static IReadOnlySet<string> ClaimIdsToLookUp(IReadOnlyList<ClaimSubmission> batch)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var submission in batch)
        {
            ids.Add(submission.Claim.ClaimId);
            if (submission.Claim.ReversesClaimId is { } target)
            {
                ids.Add(target);
            }
        }

        return ids;
    }
}

/// <summary>A row the admission decided to append, with the patient it is about (a reversal's: its settlement's).</summary>
public sealed record PendingRow(ClaimSubmission Submission, FundMovement Movement, string? PatientId)
{
    public LedgerEntry Entry => new(Movement, Submission.Claim, PatientId);
}

/// <summary>The admission's decision for a whole batch.</summary>
public sealed record Admission(IReadOnlyList<PendingRow> Appends, int Duplicates, IReadOnlyList<ClaimRejection> Rejected);
