using Monitoring.Dispatch;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Cases;

/// <summary>
/// Books a case's money in the claims ledger and hands the new rows to the dispatch, as ingest does with claims, so
/// the hospital's balance, its alliance's and county's roll-ups, pace, projections and the year-end preview all count
/// it. Booking is idempotent (the row id is fixed by the case): booking a case again after a crash books only what
/// is missing.
/// </summary>
public sealed class RecoveryLedger(IClaimsLedger ledger, ClaimDispatcher dispatcher, RegistryCatalog registry, TimeProvider clock)
{
    public async Task BookAsync(InspectionCase c, CancellationToken cancellationToken = default)
    {
        if (c.Bookings.Length == 0)
        {
            return;
        }

        var result = await ledger.AppendAsync([.. c.Bookings.Select((b, i) => RecoveryEntry.Submission(c, b, i))], cancellationToken);
        if (result.Rejected.Count > 0)
        {
            throw new InvalidOperationException(
                $"case {c.CaseId}: the ledger refused its booking: {string.Join("; ", result.Rejected.SelectMany(r => r.Errors))}");
        }

        if (result.Accepted.Count > 0)
        {
            await dispatcher.DispatchAsync(result.Accepted, await registry.CurrentAsync());
        }
    }

    /// <summary>
    /// Books what these decided cases booked in their decisions but the ledger does not hold (a process died, or the
    /// ledger failed, between a decision and its booking); returns how many cases needed it. One ledger read for all.
    /// </summary>
    public async Task<int> BookMissingAsync(IReadOnlyList<InspectionCase> decided, CancellationToken cancellationToken = default)
    {
        var held = (await ledger.ReadClaimsAsync([.. decided.SelectMany(c => c.Bookings).Select(b => b.LedgerId)], cancellationToken))
            .Select(c => c.Entry.Claim.ClaimId)
            .ToHashSet(StringComparer.Ordinal);
        var missing = decided.Where(c => c.Bookings.Any(b => !held.Contains(b.LedgerId))).ToList();
        foreach (var c in missing)
        {
            await BookAsync(c, cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>
    /// The settlement time a booking for this hospital is made at: its latest settlement in the ledger (the ledger's own
    /// clock, which a replayed or simulated year runs on), the wall clock when it has none.
    /// </summary>
    public async Task<DateTimeOffset> SettlementNowAsync(string hospitalId, CancellationToken cancellationToken = default) =>
        await ledger.LatestSettlementAsync([hospitalId], cancellationToken) ?? clock.GetUtcNow();
}
