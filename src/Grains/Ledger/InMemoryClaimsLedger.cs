using System.Runtime.CompilerServices;

namespace Monitoring.Ledger;

/// <summary>
/// The ledger held in process memory: for the embedded demo and for tests. Same rules as the PostgreSQL ledger
/// (both defer to <see cref="LedgerAdmission"/>); nothing survives the process.
/// </summary>
public sealed class InMemoryClaimsLedger : IClaimsLedger
{
    private readonly Lock _writer = new();
    private readonly Dictionary<string, KnownClaim> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FundMovement>> _byHospital = new(StringComparer.Ordinal);
    private long _position;

    public Task<LedgerAppendResult> AppendAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken = default)
    {
        lock (_writer)
        {
            var admission = LedgerAdmission.Admit(batch, _claims,
                hospitalId => _byHospital.TryGetValue(hospitalId, out var rows) ? rows.Count : 0);
            var accepted = new List<LedgerEntry>(admission.Appends.Count);
            foreach (var row in admission.Appends)
            {
                var claim = row.Submission.Claim;
                _claims[claim.ClaimId] = new KnownClaim(claim.ClaimId, row.Submission.Fingerprint, claim.Kind,
                    row.Movement.HospitalId, row.Movement.FundPaid, row.Movement.BudgetDate, ReversedBy: null);
                if (claim.ReversesClaimId is { } target)
                {
                    _claims[target] = _claims[target] with { ReversedBy = claim.ClaimId };
                }

                if (!_byHospital.TryGetValue(row.Movement.HospitalId, out var rows))
                {
                    _byHospital[row.Movement.HospitalId] = rows = [];
                }

                rows.Add(row.Movement);
                accepted.Add(new LedgerEntry(++_position, row.Movement, claim));
            }

            return Task.FromResult(new LedgerAppendResult(accepted, admission.Duplicates, admission.Rejected));
        }
    }

    public async IAsyncEnumerable<FundMovement> ReadMovementsAsync(
        IReadOnlyCollection<HospitalCursor> ranges,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var range in ranges)
        {
            FundMovement[] slice;
            lock (_writer)
            {
                if (!_byHospital.TryGetValue(range.HospitalId, out var rows))
                {
                    continue;
                }

                var from = (int)Math.Min(range.AfterSeq, rows.Count);
                var through = (int)Math.Min(range.ThroughSeq, rows.Count);
                slice = rows.GetRange(from, Math.Max(0, through - from)).ToArray();
            }

            foreach (var movement in slice)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return movement;
            }
        }

        await Task.CompletedTask;
    }
}
