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
    private readonly Dictionary<string, List<LedgerEntry>> _byHospital = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerEntry> _byClaim = new(StringComparer.Ordinal);

    /// <summary>Every row in commit order, for reads that must see the ledger as it was written.</summary>
    private readonly List<LedgerEntry> _inOrder = [];

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
                    row.Movement.HospitalId, row.Movement.FundPaid, row.Movement.BudgetDate, ReversedBy: null, row.PatientId,
                    row.Movement.InsuredCountyId);
                if (claim.ReversesClaimId is { } target)
                {
                    _claims[target] = _claims[target] with { ReversedBy = claim.ClaimId };
                }

                if (!_byHospital.TryGetValue(row.Movement.HospitalId, out var rows))
                {
                    _byHospital[row.Movement.HospitalId] = rows = [];
                }

                var entry = row.Entry;
                _byClaim[claim.ClaimId] = entry;
                rows.Add(entry);
                _inOrder.Add(entry);
                accepted.Add(entry);
            }

            return Task.FromResult(new LedgerAppendResult(accepted, admission.Duplicates, admission.Rejected));
        }
    }

    public async IAsyncEnumerable<FundMovement> ReadMovementsAsync(
        IReadOnlyCollection<HospitalCursor> ranges,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in ReadEntriesAsync(ranges, cancellationToken))
        {
            yield return entry.Movement;
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ReadEntriesAsync(
        IReadOnlyCollection<HospitalCursor> ranges,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var range in ranges)
        {
            LedgerEntry[] slice;
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

            foreach (var entry in slice)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
            }
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<LedgerEntry> ReadRecentAsync(
        IReadOnlyCollection<string> hospitals,
        DateTimeOffset settledSince,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wanted = hospitals.ToHashSet(StringComparer.Ordinal);
        LedgerEntry[] rows;
        lock (_writer)
        {
            rows = [.. _inOrder.Where(e => wanted.Contains(e.Movement.HospitalId) && e.Movement.SettledAt >= settledSince)];
        }

        foreach (var entry in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<LedgerClaim>> ReadClaimsAsync(IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken = default)
    {
        lock (_writer)
        {
            return Task.FromResult<IReadOnlyList<LedgerClaim>>([.. claimIds.Distinct(StringComparer.Ordinal)
                .Where(_byClaim.ContainsKey)
                .Select(id => new LedgerClaim(_byClaim[id], _claims[id].ReversedBy))]);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> hospitals, CancellationToken cancellationToken = default)
    {
        lock (_writer)
        {
            return Task.FromResult<IReadOnlyDictionary<string, long>>(hospitals.Distinct(StringComparer.Ordinal).ToDictionary(
                h => h, h => _byHospital.TryGetValue(h, out var rows) && rows.Count > 0 ? rows[^1].Movement.HospitalSeq : 0L, StringComparer.Ordinal));
        }
    }

    public Task<DateTimeOffset?> LatestSettlementAsync(IReadOnlyCollection<string> hospitals, CancellationToken cancellationToken = default)
    {
        lock (_writer)
        {
            DateTimeOffset? latest = null;
            foreach (var hospital in hospitals)
            {
                if (_byHospital.TryGetValue(hospital, out var rows))
                {
                    foreach (var entry in rows)
                    {
                        if (latest is null || entry.Movement.SettledAt > latest)
                        {
                            latest = entry.Movement.SettledAt;
                        }
                    }
                }
            }

            return Task.FromResult(latest);
        }
    }
}
